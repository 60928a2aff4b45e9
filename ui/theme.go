package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Fyne's theme with a calmer accent, light or dark as the user
// chooses, or as the system is.
type appTheme struct {
	// mode is "light", "dark", or "" to follow the system.
	mode string
}

var (
	accentLight = color.NRGBA{0x2a, 0x66, 0x86, 0xff}
	accentDark  = color.NRGBA{0x6b, 0xae, 0xcf, 0xff}
)

func (t *appTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case "light":
		return theme.VariantLight
	case "dark":
		return theme.VariantDark
	}
	return v
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	accent := accentLight
	if v == theme.VariantDark {
		accent = accentDark
	}
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return accent
	case theme.ColorNameFocus:
		return color.NRGBA{accent.R, accent.G, accent.B, 0x7f}
	case theme.ColorNameSelection:
		return color.NRGBA{accent.R, accent.G, accent.B, 0x40}
	case theme.ColorNameDisabled:
		// Also the colour of quiet labels (captions, hints).
		if v == theme.VariantDark {
			return color.NRGBA{0x7e, 0x85, 0x8f, 0xff}
		}
		return color.NRGBA{0x8f, 0x96, 0x9f, 0xff}
	case theme.ColorNamePlaceHolder:
		// Captions and hints use it: a little stronger than Fyne's, so that
		// they can be read without effort.
		if v == theme.VariantDark {
			return color.NRGBA{0x95, 0x9c, 0xa6, 0xff}
		}
		return color.NRGBA{0x6e, 0x76, 0x80, 0xff}
	}
	return theme.DefaultTheme().Color(n, v)
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// applyTheme sets the theme the preferences ask for.
func (u *UI) applyTheme() {
	u.app.Settings().SetTheme(&appTheme{mode: u.prefs.theme()})
}
