#!/bin/sh
# Makes the Linux package of Case Builder: the archive the fyne tool writes
# (the binary, its .desktop file, the icon and a Makefile that installs
# them), with the .hrcase file type added to it.
#
#   FYNE="go run fyne.io/tools/cmd/fyne@vX.Y.Z" scripts/package-linux.sh SRC EXECUTABLE
#
# SRC is the folder with FyneApp.toml (fyne reads it there, writes the
# archive "<Name>.tar.xz" there and increments Build in it); EXECUTABLE is
# the binary to package. `make package` runs it on the repository; a test
# (cmd/casebuilder/package_test.go) runs it on a copy.
#
# FyneApp.toml's ExecParams is " %f", with its space: fyne's template writes
# it straight after the binary's name (Exec={{.Exec}} {{- .ExecParams}}
# trims the space between), so "%f" made the launcher run "casebuilder%f".
# (The comment lives here because fyne rewrites FyneApp.toml, comments
# dropped, each time it increments Build.)
#
# What it adds to fyne's archive:
#   - usr/[local/]share/mime/packages/<ID>.xml, the shared-mime-info
#     definition of application/x-hrcase (*.hrcase), from scripts/linux;
#   - "MimeType=application/x-hrcase;" in the .desktop file, which makes the
#     app the type's handler (fyne's own [CanOpen] MimeTypes cannot be used:
#     fyne 1.7.4 then appends " %F" to the name of the binary its Makefile
#     installs, so that `make install` fails);
#   - Makefile rules that install the definition and the icon and refresh
#     the desktop's databases, after fyne's own (scripts/linux/filetype.mk).
set -eu

[ $# -eq 2 ] || { echo "usage: FYNE=... $0 SRC EXECUTABLE" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$1" && pwd)
exe=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
: "${FYNE:?set FYNE to the command that runs the fyne tool}"

field() { sed -n "s/^$1 *= *\"\(.*\)\"/\1/p" "$src/FyneApp.toml" | head -n 1; }
name=$(field Name)
id=$(field ID)
archive="$src/$name.tar.xz"

rm -f "$archive"
(cd "$src" && $FYNE package --target linux --release --executable "$exe")
[ -f "$archive" ] || { echo "$0: fyne wrote no $archive" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "$archive" -C "$work"
top=$(cd "$work" && ls)
pkg="$work/$top"
desktop=$(cd "$pkg" && ls usr/local/share/applications/"$id".desktop usr/share/applications/"$id".desktop 2>/dev/null | head -n 1)
[ -n "$desktop" ] || { echo "$0: no $id.desktop in $archive" >&2; exit 1; }
usr=${desktop%share/applications/*} # usr/local/ or usr/, as fyne chose

install -Dm644 "$here/linux/hrcase-mime.xml" "$pkg/${usr}share/mime/packages/$id.xml"
grep -q '^MimeType=' "$pkg/$desktop" && { echo "$0: $desktop already has a MimeType" >&2; exit 1; }
sed -i 's/^\(Keywords=.*\)$/\1\nMimeType=application\/x-hrcase;/' "$pkg/$desktop"
grep -q '^MimeType=application/x-hrcase;$' "$pkg/$desktop" || { echo "$0: could not add the MimeType to $desktop" >&2; exit 1; }

for target in install uninstall user-install user-uninstall; do
	grep -q "^$target:" "$pkg/Makefile" || { echo "$0: fyne's Makefile has no $target target" >&2; exit 1; }
	sed -i "s/^$target:/fyne-$target:/" "$pkg/Makefile"
done
sed "s|@USR@|$usr|g" "$here/linux/filetype.mk" >>"$pkg/Makefile"

tar -cJf "$archive" -C "$work" "$top"
echo "Packaged $archive with the .hrcase file type"
