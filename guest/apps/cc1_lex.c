/* cc1's lexer: characters to tokens, identifiers interned in a hashed
 * symbol table (the keywords are its first symbols). */
#include "cc1.h"

#include <ctype.h>
#include <hash.h>
#include <stdlib.h>
#include <string.h>

static const char *const keywords[] = {"func", "var", "if", "else", "while", "return"};
#define NKEYWORDS (sizeof(keywords) / sizeof(keywords[0]))

/* The symbol of the len bytes at s, interning it when new. */
static uint32_t intern(struct lexer *lx, const char *s, uint32_t len)
{
	char name[64];
	if (len >= sizeof(name))
		len = sizeof(name) - 1;
	memcpy(name, s, len);
	name[len] = '\0';
	uint32_t b = hash_str(name) & 255;
	for (uint32_t i = lx->bucket[b]; i != 0; i = lx->chain[i - 1])
		if (strcmp(lx->names[i - 1], name) == 0)
			return i - 1;
	if (lx->nsyms == lx->cap) {
		lx->cap = lx->cap ? lx->cap * 2 : 64;
		char **names = cc1_alloc(lx->cap * (uint32_t)sizeof(char *));
		uint32_t *chain = cc1_alloc(lx->cap * 4);
		if (lx->nsyms) {
			memcpy(names, lx->names, lx->nsyms * sizeof(char *));
			memcpy(chain, lx->chain, lx->nsyms * 4);
			free(lx->names);
			free(lx->chain);
		}
		lx->names = names;
		lx->chain = chain;
	}
	uint32_t id = lx->nsyms++;
	lx->names[id] = cc1_alloc(len + 1);
	memcpy(lx->names[id], name, len + 1);
	lx->chain[id] = lx->bucket[b];
	lx->bucket[b] = id + 1;
	return id;
}

/* One- and two-character operators. */
static uint32_t punct(const char *p, uint32_t *width)
{
	*width = 2;
	if (p[0] == '<' && p[1] == '<')
		return T_SHL;
	if (p[0] == '>' && p[1] == '>')
		return T_SHR;
	if (p[0] == '=' && p[1] == '=')
		return T_EQ;
	if (p[0] == '!' && p[1] == '=')
		return T_NE;
	*width = 1;
	switch (p[0]) {
	case '(': return T_LPAREN;
	case ')': return T_RPAREN;
	case '{': return T_LBRACE;
	case '}': return T_RBRACE;
	case ',': return T_COMMA;
	case ';': return T_SEMI;
	case '=': return T_ASSIGN;
	case '+': return T_PLUS;
	case '-': return T_MINUS;
	case '*': return T_STAR;
	case '&': return T_AMP;
	case '|': return T_PIPE;
	case '^': return T_CARET;
	case '<': return T_LT;
	case '>': return T_GT;
	default: return T_EOF;
	}
}

int lex(struct lexer *lx, const char *path, const char *src, uint32_t len)
{
	memset(lx, 0, sizeof(*lx));
	lx->path = path;
	for (uint32_t k = 0; k < NKEYWORDS; k++)
		intern(lx, keywords[k], (uint32_t)strlen(keywords[k]));
	/* No more tokens than characters, plus the end. */
	lx->tokens = cc1_alloc((len + 1) * (uint32_t)sizeof(struct token));
	uint32_t line = 1, i = 0;
	while (i < len) {
		char ch = src[i];
		if (ch == '\n') {
			line++;
			i++;
		} else if (isspace((unsigned char)ch)) {
			i++;
		} else if (ch == '#') { /* a comment to the end of the line */
			while (i < len && src[i] != '\n')
				i++;
		} else {
			struct token *t = &lx->tokens[lx->count++];
			t->line = line;
			t->value = 0;
			if (isdigit((unsigned char)ch)) {
				t->kind = T_NUM;
				for (; i < len && isdigit((unsigned char)src[i]); i++)
					t->value = t->value * 10 + (uint32_t)(src[i] - '0');
			} else if (isalpha((unsigned char)ch) || ch == '_') {
				uint32_t start = i;
				while (i < len && (isalnum((unsigned char)src[i]) || src[i] == '_'))
					i++;
				uint32_t sym = intern(lx, src + start, i - start);
				t->kind = sym < NKEYWORDS ? T_FUNC + sym : T_IDENT;
				t->value = sym;
			} else {
				uint32_t width;
				char two[3] = {ch, i + 1 < len ? src[i + 1] : '\0', '\0'};
				t->kind = punct(two, &width);
				if (t->kind == T_EOF) {
					char bad[2] = {ch, '\0'};
					return cc1_error(path, line, "unexpected character", bad);
				}
				i += width;
			}
		}
	}
	lx->tokens[lx->count] = (struct token){T_EOF, line, 0};
	return 0;
}
