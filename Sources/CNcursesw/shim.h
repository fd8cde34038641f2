// The wide-character ncurses API needs these before any include (see docs/architecture.md).
#ifndef CATALYSE_CNCURSESW_SHIM_H
#define CATALYSE_CNCURSESW_SHIM_H
#define _DEFAULT_SOURCE 1
#define _XOPEN_SOURCE 600
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline WINDOW *catalyse_stdscr(void) { return stdscr; }
static inline WINDOW *catalyse_curscr(void) { return curscr; }
static inline int catalyse_lines(void) { return LINES; }
static inline int catalyse_cols(void) { return COLS; }
static inline attr_t catalyse_a_bold(void) { return A_BOLD; }
static inline attr_t catalyse_a_reverse(void) { return A_REVERSE; }
static inline attr_t catalyse_a_underline(void) { return A_UNDERLINE; }
static inline attr_t catalyse_a_dim(void) { return A_DIM; }
static inline attr_t catalyse_a_normal(void) { return A_NORMAL; }
static inline attr_t catalyse_color_pair(int n) { return COLOR_PAIR(n); }
static inline mmask_t catalyse_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline mmask_t catalyse_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t catalyse_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t catalyse_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t catalyse_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t catalyse_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int catalyse_setcchar_one(cchar_t *out, const wchar_t *text, attr_t attrs, short pair) {
    return setcchar(out, text, attrs, pair, NULL);
}
/* One cell holding a whole piece of a grapheme: the base and every scalar after it (combining
   marks, and emoji joined by a zero-width joiner, which setcchar would cut at the first
   spacing one), up to CCHARW_MAX. ncurses writes them all and advances by the base's width. */
static inline int catalyse_ccharw_max(void) { return CCHARW_MAX; }
static inline int catalyse_setcchar_all(cchar_t *out, const wchar_t *text, int count, attr_t attrs, short pair) {
    wchar_t first[2] = { text[0], 0 };
    int status = setcchar(out, first, attrs, pair, NULL);
    for (int i = 1; i < count && i < CCHARW_MAX; i++) out->chars[i] = text[i];
    return status;
}
static inline SCREEN *catalyse_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline void catalyse_del_cur_term(void) { if (cur_term) del_curterm(cur_term); }
#endif
