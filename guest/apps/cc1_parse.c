/* cc1's parser: recursive descent over the tokens into a tree, resolving
 * each variable to a slot of its function (parameters first) and each call
 * to a function defined earlier with the right number of arguments. */
#include "cc1.h"

#include <stddef.h>
#include <string.h>

#define MAX_LOCALS 64
#define MAX_FUNCS 1024

struct parser {
	struct lexer *lx;
	const struct token *t; /* the current token */
	struct program *prog;
	uint32_t names[MAX_LOCALS]; /* the current function's slots */
	uint32_t nlocals;
};

static int fail(struct parser *p, const char *what)
{
	return cc1_error(p->lx->path, p->t->line, what,
			 p->t->kind == T_IDENT ? p->lx->names[p->t->value] : NULL);
}

static int expect(struct parser *p, uint32_t kind, const char *what)
{
	if (p->t->kind != kind)
		return fail(p, what);
	p->t++;
	return 0;
}

static struct node *node(uint32_t kind, uint32_t line)
{
	struct node *n = cc1_alloc(sizeof(struct node));
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->line = line;
	return n;
}

/* The slot of a variable, or -1. */
static int slot(const struct parser *p, uint32_t sym)
{
	for (uint32_t i = 0; i < p->nlocals; i++)
		if (p->names[i] == sym)
			return (int)i;
	return -1;
}

static struct node *expr(struct parser *p);

/* The binding power of a binary operator (C's precedence), 0 for none. */
static uint32_t precedence(uint32_t kind)
{
	switch (kind) {
	case T_STAR: return 7;
	case T_PLUS: case T_MINUS: return 6;
	case T_SHL: case T_SHR: return 5;
	case T_LT: case T_GT: return 4;
	case T_EQ: case T_NE: return 3;
	case T_AMP: return 2;
	case T_CARET: return 1;
	case T_PIPE: return 1; /* below ^ in C; one level here keeps it simple */
	default: return 0;
	}
}

static struct node *call(struct parser *p, uint32_t sym, uint32_t line)
{
	uint32_t f = 0;
	while (f < p->prog->count && p->prog->funcs[f].name != sym)
		f++;
	if (f == p->prog->count) {
		cc1_error(p->lx->path, line, "call of an undefined function", p->lx->names[sym]);
		return NULL;
	}
	struct node *n = node(N_CALL, line), **tail = &n->a;
	n->value = f;
	uint32_t args = 0;
	p->t++; /* ( */
	while (p->t->kind != T_RPAREN) {
		if (args > 0 && expect(p, T_COMMA, "expected , between arguments") != 0)
			return NULL;
		if ((*tail = expr(p)) == NULL)
			return NULL;
		tail = &(*tail)->next;
		args++;
	}
	p->t++;
	if (args != p->prog->funcs[f].params) {
		cc1_error(p->lx->path, line, "wrong number of arguments to", p->lx->names[sym]);
		return NULL;
	}
	return n;
}

static struct node *primary(struct parser *p)
{
	const struct token *t = p->t;
	if (t->kind == T_NUM) {
		p->t++;
		struct node *n = node(N_NUM, t->line);
		n->value = t->value;
		return n;
	}
	if (t->kind == T_MINUS) {
		p->t++;
		struct node *operand = primary(p);
		if (operand == NULL)
			return NULL;
		struct node *n = node(N_NEG, t->line);
		n->a = operand;
		return n;
	}
	if (t->kind == T_LPAREN) {
		p->t++;
		struct node *n = expr(p);
		if (n == NULL || expect(p, T_RPAREN, "expected )") != 0)
			return NULL;
		return n;
	}
	if (t->kind == T_IDENT) {
		p->t++;
		if (p->t->kind == T_LPAREN)
			return call(p, t->value, t->line);
		int s = slot(p, t->value);
		if (s < 0) {
			p->t--;
			fail(p, "undeclared variable");
			return NULL;
		}
		struct node *n = node(N_VAR, t->line);
		n->value = (uint32_t)s;
		return n;
	}
	fail(p, "expected an expression");
	return NULL;
}

/* Precedence climbing: operands joined by operators binding tighter than
 * min. */
static struct node *binary(struct parser *p, uint32_t min)
{
	struct node *left = primary(p);
	while (left != NULL && precedence(p->t->kind) > min) {
		const struct token *op = p->t++;
		struct node *right = binary(p, precedence(op->kind));
		if (right == NULL)
			return NULL;
		struct node *n = node(N_BIN, op->line);
		n->op = op->kind;
		n->a = left;
		n->b = right;
		left = n;
	}
	return left;
}

static struct node *expr(struct parser *p) { return binary(p, 0); }

static int block(struct parser *p, struct node **out);

static struct node *statement(struct parser *p)
{
	const struct token *t = p->t;
	struct node *n;
	switch (t->kind) {
	case T_VAR:
	case T_IDENT: {
		p->t++;
		if (t->kind == T_VAR) {
			if (p->t->kind != T_IDENT) {
				fail(p, "expected a variable name");
				return NULL;
			}
			if (slot(p, p->t->value) >= 0 || p->nlocals == MAX_LOCALS) {
				fail(p, "variable redeclared, or too many");
				return NULL;
			}
			p->names[p->nlocals++] = p->t->value;
			n = node(S_VAR, t->line);
			n->value = p->nlocals - 1;
			p->t++;
		} else {
			int s = slot(p, t->value);
			if (s < 0) {
				p->t--;
				fail(p, "assignment to an undeclared variable");
				return NULL;
			}
			n = node(S_ASSIGN, t->line);
			n->value = (uint32_t)s;
		}
		if (expect(p, T_ASSIGN, "expected =") != 0 || (n->a = expr(p)) == NULL ||
		    expect(p, T_SEMI, "expected ;") != 0)
			return NULL;
		return n;
	}
	case T_IF:
	case T_WHILE:
		p->t++;
		n = node(t->kind == T_IF ? S_IF : S_WHILE, t->line);
		if (expect(p, T_LPAREN, "expected (") != 0 || (n->a = expr(p)) == NULL ||
		    expect(p, T_RPAREN, "expected )") != 0)
			return NULL;
		if (block(p, &n->b) != 0)
			return NULL;
		if (t->kind == T_IF && p->t->kind == T_ELSE) {
			p->t++;
			if (block(p, &n->c) != 0)
				return NULL;
		}
		return n;
	case T_RETURN:
		p->t++;
		n = node(S_RETURN, t->line);
		if ((n->a = expr(p)) == NULL || expect(p, T_SEMI, "expected ;") != 0)
			return NULL;
		return n;
	default:
		fail(p, "expected a statement");
		return NULL;
	}
}

/* { statements }: *out gets the first statement (NULL when empty). */
static int block(struct parser *p, struct node **out)
{
	*out = NULL;
	if (expect(p, T_LBRACE, "expected {") != 0)
		return -1;
	struct node **tail = out;
	while (p->t->kind != T_RBRACE) {
		if ((*tail = statement(p)) == NULL)
			return -1;
		tail = &(*tail)->next;
	}
	p->t++;
	return 0;
}

static int function(struct parser *p)
{
	if (expect(p, T_FUNC, "expected func") != 0)
		return -1;
	if (p->t->kind != T_IDENT)
		return fail(p, "expected a function name");
	if (p->prog->count == MAX_FUNCS)
		return fail(p, "too many functions");
	struct func *f = &p->prog->funcs[p->prog->count];
	f->name = p->t->value;
	for (uint32_t i = 0; i < p->prog->count; i++)
		if (p->prog->funcs[i].name == f->name)
			return fail(p, "function redefined");
	p->t++;
	p->nlocals = 0;
	if (expect(p, T_LPAREN, "expected (") != 0)
		return -1;
	while (p->t->kind != T_RPAREN) {
		if (p->nlocals > 0 && expect(p, T_COMMA, "expected , between parameters") != 0)
			return -1;
		if (p->t->kind != T_IDENT || slot(p, p->t->value) >= 0 || p->nlocals == MAX_LOCALS)
			return fail(p, "expected a new parameter name");
		p->names[p->nlocals++] = p->t->value;
		p->t++;
	}
	p->t++;
	f->params = p->nlocals;
	/* Defined from here on: recursion is allowed. */
	p->prog->count++;
	if (block(p, &f->body) != 0)
		return -1;
	f->locals = p->nlocals;
	return 0;
}

int parse(struct lexer *lx, struct program *prog)
{
	struct parser p = {.lx = lx, .t = lx->tokens, .prog = prog};
	prog->funcs = cc1_alloc(MAX_FUNCS * (uint32_t)sizeof(struct func));
	prog->count = 0;
	while (p.t->kind != T_EOF)
		if (function(&p) != 0)
			return -1;
	return 0;
}
