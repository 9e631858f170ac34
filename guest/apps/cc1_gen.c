/* cc1's back end: constant folding over the tree, then code for a stack
 * machine, written as assembly text (one instruction a line, a label per
 * function and per branch target). */
#include "cc1.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct out {
	char *buf;
	uint32_t len, cap;
	uint32_t labels, insns;
};

static void emit(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void emit(struct out *o, const char *fmt, ...)
{
	char line[96];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((uint32_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	if (o->len + (uint32_t)n + 1 > o->cap) {
		uint32_t cap = o->cap ? o->cap * 2 : 4096;
		while (cap < o->len + (uint32_t)n + 1)
			cap *= 2;
		char *grown = cc1_alloc(cap);
		if (o->buf) {
			memcpy(grown, o->buf, o->len);
			free(o->buf);
		}
		o->buf = grown;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, line, (uint32_t)n);
	o->len += (uint32_t)n;
	o->insns++;
}

/* The value of a binary operator over constants (32-bit, wrapping). */
static uint32_t apply(uint32_t op, uint32_t x, uint32_t y)
{
	switch (op) {
	case T_PLUS: return x + y;
	case T_MINUS: return x - y;
	case T_STAR: return x * y;
	case T_AMP: return x & y;
	case T_PIPE: return x | y;
	case T_CARET: return x ^ y;
	case T_SHL: return x << (y & 31);
	case T_SHR: return x >> (y & 31);
	case T_LT: return (int32_t)x < (int32_t)y;
	case T_GT: return (int32_t)x > (int32_t)y;
	case T_EQ: return x == y;
	default: return x != y; /* T_NE */
	}
}

static int is_num(const struct node *n, uint32_t v) { return n->kind == N_NUM && n->value == v; }

/* Fold an expression in place: constant operands compute now, and x + 0,
 * x - 0, x * 1, x | 0, x ^ 0 are x.  The number of nodes removed. */
static uint32_t fold(struct node *n)
{
	uint32_t removed = 0;
	switch (n->kind) {
	case N_NEG:
		removed += fold(n->a);
		if (n->a->kind == N_NUM) {
			n->value = 0 - n->a->value;
			n->kind = N_NUM;
			removed++;
		}
		break;
	case N_BIN:
		removed += fold(n->a) + fold(n->b);
		if (n->a->kind == N_NUM && n->b->kind == N_NUM) {
			n->value = apply(n->op, n->a->value, n->b->value);
			n->kind = N_NUM;
			removed += 2;
		} else if ((is_num(n->b, 0) && (n->op == T_PLUS || n->op == T_MINUS || n->op == T_PIPE ||
						 n->op == T_CARET || n->op == T_SHL || n->op == T_SHR)) ||
			   (is_num(n->b, 1) && n->op == T_STAR)) {
			*n = (struct node){n->a->kind, n->a->op, n->a->value, n->a->line,
					   n->a->a, n->a->b, n->a->c, n->next};
			removed += 2;
		}
		break;
	case N_CALL:
		for (struct node *arg = n->a; arg; arg = arg->next)
			removed += fold(arg);
		break;
	default: break;
	}
	return removed;
}

static const char *mnemonic(uint32_t op)
{
	switch (op) {
	case T_PLUS: return "add";
	case T_MINUS: return "sub";
	case T_STAR: return "mul";
	case T_AMP: return "and";
	case T_PIPE: return "or";
	case T_CARET: return "xor";
	case T_SHL: return "shl";
	case T_SHR: return "shr";
	case T_LT: return "lt";
	case T_GT: return "gt";
	case T_EQ: return "eq";
	default: return "ne";
	}
}

static void gen_expr(struct out *o, const struct lexer *lx, const struct program *prog,
		     const struct node *n)
{
	switch (n->kind) {
	case N_NUM: emit(o, "\tpush %u\n", (unsigned)n->value); break;
	case N_VAR: emit(o, "\tload %u\n", (unsigned)n->value); break;
	case N_NEG:
		gen_expr(o, lx, prog, n->a);
		emit(o, "\tneg\n");
		break;
	case N_BIN:
		gen_expr(o, lx, prog, n->a);
		gen_expr(o, lx, prog, n->b);
		emit(o, "\t%s\n", mnemonic(n->op));
		break;
	default: { /* N_CALL: arguments left to right, then the call */
		uint32_t args = 0;
		for (const struct node *arg = n->a; arg; arg = arg->next, args++)
			gen_expr(o, lx, prog, arg);
		emit(o, "\tcall %s, %u\n", lx->names[prog->funcs[n->value].name], (unsigned)args);
		break;
	}
	}
}

/* Code for a list of statements; the folded-away node count in *removed. */
static void gen_block(struct out *o, const struct lexer *lx, const struct program *prog,
		      struct node *s, uint32_t *removed)
{
	for (; s != NULL; s = s->next) {
		if (s->a)
			*removed += fold(s->a);
		switch (s->kind) {
		case S_VAR:
		case S_ASSIGN:
			gen_expr(o, lx, prog, s->a);
			emit(o, "\tstore %u\n", (unsigned)s->value);
			break;
		case S_RETURN:
			gen_expr(o, lx, prog, s->a);
			emit(o, "\tret\n");
			break;
		case S_IF: {
			uint32_t skip = o->labels++, end = o->labels++;
			if (s->a->kind == N_NUM) { /* a constant condition: one arm only */
				gen_block(o, lx, prog, s->a->value ? s->b : s->c, removed);
				break;
			}
			gen_expr(o, lx, prog, s->a);
			emit(o, "\tjz L%u\n", (unsigned)skip);
			gen_block(o, lx, prog, s->b, removed);
			if (s->c)
				emit(o, "\tjmp L%u\n", (unsigned)end);
			emit(o, "L%u:\n", (unsigned)skip);
			if (s->c) {
				gen_block(o, lx, prog, s->c, removed);
				emit(o, "L%u:\n", (unsigned)end);
			}
			break;
		}
		default: { /* S_WHILE: test at the bottom */
			uint32_t top = o->labels++, test = o->labels++;
			emit(o, "\tjmp L%u\n", (unsigned)test);
			emit(o, "L%u:\n", (unsigned)top);
			gen_block(o, lx, prog, s->b, removed);
			emit(o, "L%u:\n", (unsigned)test);
			gen_expr(o, lx, prog, s->a);
			emit(o, "\tjnz L%u\n", (unsigned)top);
			break;
		}
		}
	}
}

int generate(const struct lexer *lx, struct program *prog, char **out, uint32_t *len)
{
	struct out o = {0};
	uint32_t removed = 0;
	emit(&o, "; %s: %u functions\n", lx->path, (unsigned)prog->count);
	for (uint32_t f = 0; f < prog->count; f++) {
		const struct func *fn = &prog->funcs[f];
		emit(&o, "%s:\n\tenter %u, %u\n", lx->names[fn->name], (unsigned)fn->params,
		     (unsigned)fn->locals);
		gen_block(&o, lx, prog, fn->body, &removed);
		emit(&o, "\tpush 0\n\tret\n");
	}
	emit(&o, "; %u lines, %u nodes folded\n", (unsigned)o.insns + 1, (unsigned)removed);
	*out = o.buf;
	*len = o.len;
	return 0;
}
