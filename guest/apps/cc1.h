/* cc1: the compiler that pmake runs over its generated sources, a small but
 * complete compiler for a C-like language (pmake_gen.h writes it):
 *
 *   func NAME(p, q) { var x = EXPR; x = EXPR; if (EXPR) {...} else {...}
 *                     while (EXPR) {...} return EXPR; }
 *
 * with integer literals, variables, calls of functions defined earlier, and
 * + - * & | ^ << >> < > == != (C precedence), unary -, parentheses.  The
 * phases, one file each: lexing with an interning symbol table
 * (cc1_lex.c), recursive-descent parsing into a tree with name resolution
 * and arity checks (cc1_parse.c), constant folding and code generation
 * for a stack machine, written out as assembly text (cc1_gen.c). */
#ifndef GUEST_APPS_CC1_H
#define GUEST_APPS_CC1_H

#include <stdint.h>

enum tok {
	T_EOF, T_NUM, T_IDENT, T_FUNC, T_VAR, T_IF, T_ELSE, T_WHILE, T_RETURN,
	T_LPAREN, T_RPAREN, T_LBRACE, T_RBRACE, T_COMMA, T_SEMI, T_ASSIGN,
	T_PLUS, T_MINUS, T_STAR, T_AMP, T_PIPE, T_CARET, T_SHL, T_SHR,
	T_LT, T_GT, T_EQ, T_NE
};

struct token {
	uint32_t kind;  /* enum tok */
	uint32_t line;
	uint32_t value; /* T_NUM: the number; T_IDENT: the symbol */
};

struct lexer {
	const char *path;
	struct token *tokens;
	uint32_t count;
	/* The symbol table: interned identifiers, hashed (FNV-1a). */
	char **names;
	uint32_t *chain, nsyms, cap;
	uint32_t bucket[256]; /* 1 + the first symbol of the bucket, or 0 */
};

enum node_kind { N_NUM, N_VAR, N_BIN, N_NEG, N_CALL, S_VAR, S_ASSIGN, S_IF, S_WHILE, S_RETURN };

struct node {
	uint32_t kind; /* enum node_kind */
	uint32_t op;   /* N_BIN: the operator token */
	uint32_t value; /* N_NUM: number; N_VAR, S_VAR, S_ASSIGN: slot; N_CALL: function */
	uint32_t line;
	struct node *a, *b, *c; /* operands, condition, bodies */
	struct node *next;      /* the next statement or argument */
};

struct func {
	uint32_t name; /* symbol */
	uint32_t params, locals;
	struct node *body;
};

struct program {
	struct func *funcs;
	uint32_t count;
};

/* Each phase returns 0, or prints "PATH:LINE: message" on stderr and
 * returns -1. */
int lex(struct lexer *lx, const char *path, const char *src, uint32_t len);
int parse(struct lexer *lx, struct program *prog);
/* Fold constants, then emit assembly into a malloc'ed buffer (*out, *len). */
int generate(const struct lexer *lx, struct program *prog, char **out, uint32_t *len);

/* Shared by the phases: a malloc that fails the compiler when memory runs
 * out, and an error report. */
void *cc1_alloc(uint32_t bytes);
int cc1_error(const char *path, uint32_t line, const char *what, const char *name);

#endif
