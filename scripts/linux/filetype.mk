
# Added by scripts/package-linux.sh to the Makefile the fyne tool writes,
# whose own targets it renames fyne-install, fyne-uninstall,
# fyne-user-install and fyne-user-uninstall: after fyne's, each target
# also installs (or removes) the .hrcase file type, application/x-hrcase,
# in the shared MIME database, the app's icon in the hicolor theme (where
# the file type's icon is looked up), and refreshes the databases that
# tell the desktop which app opens the type. Staged installs (DESTDIR set)
# leave the refreshing to the packaging system's triggers.

Mime := $(AppID).xml
Share := $(DESTDIR)$(PREFIX)/share
UserShare := $(DESTDIR)$(HOME)/.local/share
HicolorIcon := icons/hicolor/512x512/apps/$(Icon)

# refresh updates the MIME database, the desktop's handlers and the icon
# cache under the share folder $(1), with the tools that are installed.
refresh = if [ -z "$(DESTDIR)" ]; then \
	if command -v update-mime-database >/dev/null; then update-mime-database $(1)/mime; fi; \
	if command -v update-desktop-database >/dev/null; then update-desktop-database -q $(1)/applications; fi; \
	if command -v gtk-update-icon-cache >/dev/null && [ -f $(1)/icons/hicolor/index.theme ]; then gtk-update-icon-cache -q -t $(1)/icons/hicolor; fi; \
	fi

install: fyne-install
	install -Dm00644 @USR@share/mime/packages/$(Mime) $(Share)/mime/packages/$(Mime)
	install -Dm00644 @USR@share/pixmaps/$(Icon) $(Share)/$(HicolorIcon)
	$(call refresh,$(Share))

uninstall: fyne-uninstall
	-rm $(Share)/mime/packages/$(Mime)
	-rm $(Share)/$(HicolorIcon)
	$(call refresh,$(Share))

user-install: fyne-user-install
	install -Dm00644 @USR@share/mime/packages/$(Mime) $(UserShare)/mime/packages/$(Mime)
	install -Dm00644 @USR@share/pixmaps/$(Icon) $(UserShare)/$(HicolorIcon)
	$(call refresh,$(UserShare))

user-uninstall: fyne-user-uninstall
	-rm $(UserShare)/mime/packages/$(Mime)
	-rm $(UserShare)/$(HicolorIcon)
	$(call refresh,$(UserShare))

.PHONY: default install uninstall user-install user-uninstall fyne-install fyne-uninstall fyne-user-install fyne-user-uninstall
