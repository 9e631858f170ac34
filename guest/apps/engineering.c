/* engineering: an event-driven gate-level logic simulator, the kind of
 * program Disco's "Engineering" workload ran.  A generated circuit of
 * `gates` gates (AND, OR, XOR, NAND, NOR, NOT, and D flip-flops that close
 * feedback loops) over `inputs` primary inputs is clocked `cycles` x `size`
 * times: at each clock edge the flip-flops latch, a quarter of the inputs
 * change, and a timing wheel propagates the changes through the gates
 * (delays of 1 to 3 units) until the circuit settles.  Compute with a
 * moderate, irregular working set (the fanout lists).  The checksum folds
 * each cycle's toggle count and sampled outputs, then the final state. */
#include "common.h"

#include <hash.h>
#include <rng.h>
#include <stdlib.h>
#include <string.h>

enum gate_type { G_AND, G_OR, G_XOR, G_NAND, G_NOR, G_NOT, G_DFF, G_TYPES };

struct gate {
	uint8_t type, delay;
	uint32_t in0, in1; /* node numbers */
};

/* Nodes 0..inputs-1 are the primary inputs, node inputs + g is gate g. */
struct circuit {
	uint32_t inputs, gates, nodes;
	struct gate *gate;
	uint8_t *value;         /* per node */
	uint32_t *fanout_start; /* per node + 1: CSR index into fanout */
	uint32_t *fanout;       /* gates (not flip-flops) reading each node */
	uint32_t *pending;      /* per gate: 1 + the wheel slot it waits in, or 0 */
};

#define WHEEL 4 /* > the largest delay */

struct wheel {
	uint32_t *slot[WHEEL];
	uint32_t len[WHEEL];
};

static void *alloc(const struct app *a, uint32_t bytes)
{
	void *p = malloc(bytes);
	if (p == NULL)
		app_fail(a, "out of memory (%u bytes)", (unsigned)bytes);
	return memset(p, 0, bytes);
}

/* An input of gate g: mostly a node close before it (locality, as placed
 * logic has), sometimes any earlier node. */
static uint32_t pick_input(struct rng *r, uint32_t inputs, uint32_t g)
{
	uint32_t before = inputs + g; /* nodes that precede gate g */
	if (before > 64 && rng_below(r, 8) != 0)
		return before - 1 - rng_below(r, before < 256 ? before : 256);
	return rng_below(r, before);
}

static void build(struct circuit *c, const struct app *a)
{
	struct rng r;
	rng_init(&r, a->seed, 0);
	c->inputs = app_param(a, "inputs");
	c->gates = app_param(a, "gates");
	c->nodes = c->inputs + c->gates;
	c->gate = alloc(a, c->gates * (uint32_t)sizeof(struct gate));
	c->value = alloc(a, c->nodes);
	c->fanout_start = alloc(a, (c->nodes + 1) * 4);
	c->pending = alloc(a, c->gates * 4);
	for (uint32_t g = 0; g < c->gates; g++) {
		struct gate *gt = &c->gate[g];
		gt->type = (uint8_t)(rng_below(&r, 10) == 0 ? G_DFF : rng_below(&r, G_DFF));
		gt->delay = (uint8_t)rng_range(&r, 1, 3);
		gt->in0 = pick_input(&r, c->inputs, g);
		gt->in1 = pick_input(&r, c->inputs, g);
		/* A flip-flop's D input may come from anywhere, later gates
		 * included: the feedback of a sequential circuit. */
		if (gt->type == G_DFF)
			gt->in0 = rng_below(&r, c->nodes);
	}
	/* Fanout lists in CSR form: count, prefix-sum, fill. */
	for (uint32_t g = 0; g < c->gates; g++) {
		if (c->gate[g].type == G_DFF)
			continue;
		c->fanout_start[c->gate[g].in0 + 1]++;
		if (c->gate[g].type != G_NOT)
			c->fanout_start[c->gate[g].in1 + 1]++;
	}
	for (uint32_t n = 0; n < c->nodes; n++)
		c->fanout_start[n + 1] += c->fanout_start[n];
	c->fanout = alloc(a, (c->fanout_start[c->nodes] + 1) * 4);
	uint32_t *fill = alloc(a, c->nodes * 4);
	for (uint32_t g = 0; g < c->gates; g++) {
		const struct gate *gt = &c->gate[g];
		if (gt->type == G_DFF)
			continue;
		c->fanout[c->fanout_start[gt->in0] + fill[gt->in0]++] = g;
		if (gt->type != G_NOT)
			c->fanout[c->fanout_start[gt->in1] + fill[gt->in1]++] = g;
	}
	free(fill);
	for (uint32_t i = 0; i < c->inputs; i++)
		c->value[i] = (uint8_t)rng_below(&r, 2);
}

static uint8_t eval(const struct circuit *c, const struct gate *gt)
{
	uint8_t x = c->value[gt->in0], y = c->value[gt->in1];
	switch (gt->type) {
	case G_AND: return x & y;
	case G_OR: return x | y;
	case G_XOR: return x ^ y;
	case G_NAND: return (x & y) ^ 1;
	case G_NOR: return (x | y) ^ 1;
	case G_NOT: return x ^ 1;
	default: return c->value[c->inputs + (uint32_t)(gt - c->gate)]; /* DFF: holds */
	}
}

/* Queue gate g for evaluation `delay` units after time now (once). */
static void schedule(struct circuit *c, struct wheel *w, uint32_t now, uint32_t g)
{
	if (c->pending[g])
		return;
	uint32_t s = (now + c->gate[g].delay) % WHEEL;
	w->slot[s][w->len[s]++] = g;
	c->pending[g] = s + 1;
}

/* Node n changed at time now: schedule the gates that read it. */
static void changed(struct circuit *c, struct wheel *w, uint32_t now, uint32_t n)
{
	for (uint32_t k = c->fanout_start[n]; k < c->fanout_start[n + 1]; k++)
		schedule(c, w, now, c->fanout[k]);
}

/* Run the wheel until nothing is pending; the number of output toggles. */
static uint32_t settle(struct circuit *c, struct wheel *w, uint32_t *evals)
{
	uint32_t toggles = 0, idle = 0;
	for (uint32_t now = 0; idle < WHEEL; now++) {
		uint32_t s = now % WHEEL, n = w->len[s];
		if (n == 0) {
			idle++;
			continue;
		}
		idle = 0;
		/* Take the slot's list first: evaluations schedule into other
		 * slots only (every delay is at least 1 and below WHEEL). */
		w->len[s] = 0;
		for (uint32_t i = 0; i < n; i++) {
			uint32_t g = w->slot[s][i];
			c->pending[g] = 0;
			uint8_t v = eval(c, &c->gate[g]);
			(*evals)++;
			if (v != c->value[c->inputs + g]) {
				c->value[c->inputs + g] = v;
				toggles++;
				changed(c, w, now, c->inputs + g);
			}
		}
	}
	return toggles;
}

int main(int argc, char **argv)
{
	struct app a;
	app_start(&a, "engineering", argc, argv);
	struct circuit c;
	build(&c, &a);
	struct wheel w;
	for (uint32_t s = 0; s < WHEEL; s++) {
		w.slot[s] = alloc(&a, c.gates * 4);
		w.len[s] = 0;
	}
	uint32_t cycles = app_param(&a, "cycles") * a.size, evals = 0;
	struct rng r;
	rng_init(&r, a.seed, 1);
	uint32_t h = hash_mix(0, a.seed);
	uint8_t *latched = alloc(&a, c.gates);

	/* Power on: every gate evaluates once. */
	for (uint32_t g = 0; g < c.gates; g++)
		schedule(&c, &w, 0, g);
	h = hash_mix(h, settle(&c, &w, &evals));
	for (uint32_t cycle = 0; cycle < cycles; cycle++) {
		/* Clock edge: every flip-flop samples its D input at once. */
		for (uint32_t g = 0; g < c.gates; g++)
			if (c.gate[g].type == G_DFF)
				latched[g] = c.value[c.gate[g].in0];
		for (uint32_t g = 0; g < c.gates; g++) {
			if (c.gate[g].type == G_DFF && latched[g] != c.value[c.inputs + g]) {
				c.value[c.inputs + g] = latched[g];
				changed(&c, &w, 0, c.inputs + g);
			}
		}
		/* New stimuli on a quarter of the inputs. */
		for (uint32_t k = 0; k < (c.inputs + 3) / 4; k++) {
			uint32_t i = rng_below(&r, c.inputs);
			c.value[i] ^= 1;
			changed(&c, &w, 0, i);
		}
		uint32_t toggles = settle(&c, &w, &evals);
		uint32_t sample = 0;
		for (uint32_t k = 0; k < 32 && k < c.gates; k++)
			sample = sample << 1 | c.value[c.nodes - 1 - k];
		h = hash_mix(hash_mix(h, toggles), sample);
	}
	for (uint32_t n = 0; n < c.nodes; n++)
		h = hash_mix(h, c.value[n]);
	return app_finish(&a, hash_mix(h, evals));
}
