package assets

import _ "embed"

// IconPNG is the app's icon: a 512×512 PNG, also named in FyneApp.toml
// for packaging.
//
//go:embed icon.png
var IconPNG []byte
