/* raytrace: a fixed-point ray tracer.  A generated scene of spheres above a
 * checkered plane, lit by one point light, with shadow rays and mirror
 * reflections up to `depth` bounces, rendered `size` times at
 * `width` x `height` as the camera moves.  All arithmetic is 16.16 fixed
 * point in 32-bit integers with 64-bit intermediates, so the guest (soft
 * float, no FPU) and the host compute the very same pixels.  Compute bound
 * with a small working set: user time and few TLB misses.  The checksum
 * folds every pixel of every frame in raster order. */
#include "common.h"

#include <hash.h>
#include <rng.h>
#include <stdlib.h>

typedef int32_t fix; /* 16.16 */
#define FIX_ONE 65536
#define FIX(n) ((fix)((n) * FIX_ONE))
#define FIX_MAX 0x7fffffff
/* Distances stay far below the 181 units whose square overflows 16.16. */
#define FLOOR_FAR FIX(60)

struct vec {
	fix x, y, z;
};

struct sphere {
	struct vec center;
	fix radius, radius2;
	uint32_t r, g, b; /* 0..255 */
	fix mirror;        /* reflected share, 0..FIX_ONE */
};

struct scene {
	struct sphere *spheres;
	uint32_t count;
	struct vec light;
};

static fix fmul(fix a, fix b) { return (fix)(((int64_t)a * b) >> 16); }
static fix fdiv(fix a, fix b) { return (fix)(((int64_t)a * FIX_ONE) / b); }

/* floor(sqrt(v)) for a 64-bit v, one result bit per step. */
static uint32_t isqrt64(uint64_t v)
{
	uint64_t root = 0, bit = (uint64_t)1 << 62;
	while (bit > v)
		bit >>= 2;
	while (bit != 0) {
		if (v >= root + bit) {
			v -= root + bit;
			root = (root >> 1) + bit;
		} else {
			root >>= 1;
		}
		bit >>= 2;
	}
	return (uint32_t)root;
}

/* sqrt of a non-negative 16.16 value, in 16.16. */
static fix fsqrt(fix v) { return v <= 0 ? 0 : (fix)isqrt64((uint64_t)v << 16); }

static struct vec vadd(struct vec a, struct vec b) { return (struct vec){a.x + b.x, a.y + b.y, a.z + b.z}; }
static struct vec vsub(struct vec a, struct vec b) { return (struct vec){a.x - b.x, a.y - b.y, a.z - b.z}; }
static struct vec vscale(struct vec a, fix s) { return (struct vec){fmul(a.x, s), fmul(a.y, s), fmul(a.z, s)}; }

static fix vdot(struct vec a, struct vec b)
{
	return (fix)(((int64_t)a.x * b.x + (int64_t)a.y * b.y + (int64_t)a.z * b.z) >> 16);
}

/* The length, without the overflow of vdot(a, a) for long vectors. */
static fix vlen(struct vec a)
{
	return (fix)isqrt64((uint64_t)((int64_t)a.x * a.x + (int64_t)a.y * a.y + (int64_t)a.z * a.z));
}

static struct vec vnorm(struct vec a)
{
	fix len = vlen(a);
	if (len == 0)
		return (struct vec){0, FIX_ONE, 0};
	return (struct vec){fdiv(a.x, len), fdiv(a.y, len), fdiv(a.z, len)};
}

/* The nearest hit along origin + t * dir (dir of unit length) with
 * t > epsilon: its distance, or FIX_MAX; *what is the sphere's index, or
 * count for the plane y = 0. */
static fix intersect(const struct scene *s, struct vec origin, struct vec dir, uint32_t *what)
{
	const fix epsilon = FIX_ONE / 64; /* against self-shadowing ("acne") */
	fix best = FIX_MAX;
	*what = s->count + 1;
	for (uint32_t i = 0; i < s->count; i++) {
		const struct sphere *sp = &s->spheres[i];
		struct vec oc = vsub(origin, sp->center);
		fix b = vdot(oc, dir);
		fix c = vdot(oc, oc) - sp->radius2;
		fix disc = fmul(b, b) - c;
		if (disc < 0)
			continue;
		fix root = fsqrt(disc);
		fix t = -b - root;
		if (t <= epsilon)
			t = -b + root;
		if (t > epsilon && t < best) {
			best = t;
			*what = i;
		}
	}
	/* The floor ends FLOOR_FAR away: beyond lies the sky. */
	if (dir.y < -epsilon / 16) {
		fix t = fdiv(-origin.y, dir.y);
		if (t > epsilon && t < best && t < FLOOR_FAR) {
			best = t;
			*what = s->count;
		}
	}
	return best;
}

struct color {
	uint32_t r, g, b;
};

static struct color trace(const struct scene *s, struct vec origin, struct vec dir, uint32_t depth)
{
	uint32_t what;
	fix t = intersect(s, origin, dir, &what);
	if (what > s->count) { /* the sky: darker towards the zenith */
		uint32_t up = (uint32_t)(dir.y < 0 ? 0 : dir.y > FIX_ONE ? FIX_ONE : dir.y);
		return (struct color){100 - (up * 60 >> 16), 150 - (up * 60 >> 16), 255};
	}
	struct vec p = vadd(origin, vscale(dir, t)), n;
	struct color base;
	fix mirror;
	if (what == s->count) {
		n = (struct vec){0, FIX_ONE, 0};
		int32_t cx = p.x >> 16, cz = p.z >> 16; /* floor: arithmetic shift */
		uint32_t dark = (uint32_t)(cx + cz) & 1;
		base = dark ? (struct color){40, 40, 40} : (struct color){220, 220, 220};
		mirror = FIX_ONE / 4;
	} else {
		const struct sphere *sp = &s->spheres[what];
		n = vnorm(vsub(p, sp->center));
		base = (struct color){sp->r, sp->g, sp->b};
		mirror = sp->mirror;
	}
	/* Diffuse light, unless something stands between p and the light. */
	struct vec to_light = vsub(s->light, p);
	fix light_dist = vlen(to_light);
	struct vec l = vnorm(to_light);
	fix diffuse = vdot(n, l), shade = FIX_ONE / 8; /* ambient */
	if (diffuse > 0) {
		uint32_t blocker;
		if (intersect(s, p, l, &blocker) >= light_dist)
			shade += fmul(diffuse, FIX_ONE - FIX_ONE / 8);
	}
	struct color c = {(uint32_t)fmul((fix)base.r, shade), (uint32_t)fmul((fix)base.g, shade),
			  (uint32_t)fmul((fix)base.b, shade)};
	if (depth > 0 && mirror > 0) {
		struct vec reflected = vsub(dir, vscale(n, 2 * vdot(dir, n)));
		struct color m = trace(s, p, vnorm(reflected), depth - 1);
		fix keep = FIX_ONE - mirror;
		c.r = (uint32_t)(fmul((fix)c.r, keep) + fmul((fix)m.r, mirror));
		c.g = (uint32_t)(fmul((fix)c.g, keep) + fmul((fix)m.g, mirror));
		c.b = (uint32_t)(fmul((fix)c.b, keep) + fmul((fix)m.b, mirror));
	}
	return c;
}

/* Spheres on the plane within a 12 x 12 square in front of the camera. */
static void make_scene(struct scene *s, const struct app *a, uint32_t count)
{
	struct rng r;
	rng_init(&r, a->seed, 0);
	s->count = count;
	s->spheres = malloc(count * sizeof(struct sphere));
	if (s->spheres == NULL)
		app_fail(a, "no memory for %u spheres", (unsigned)count);
	for (uint32_t i = 0; i < count; i++) {
		struct sphere *sp = &s->spheres[i];
		sp->radius = (fix)rng_range(&r, FIX_ONE / 4, FIX_ONE + FIX_ONE / 2);
		sp->radius2 = fmul(sp->radius, sp->radius);
		sp->center = (struct vec){(fix)rng_below(&r, FIX(12)) - FIX(6),
					  sp->radius + (fix)rng_below(&r, FIX(2)),
					  (fix)rng_below(&r, FIX(12)) + FIX(2)};
		sp->r = rng_range(&r, 30, 255);
		sp->g = rng_range(&r, 30, 255);
		sp->b = rng_range(&r, 30, 255);
		sp->mirror = rng_below(&r, 3) == 0 ? (fix)rng_range(&r, FIX_ONE / 4, FIX_ONE * 3 / 4) : 0;
	}
	s->light = (struct vec){(fix)rng_below(&r, FIX(8)) - FIX(4), FIX(10), FIX(0)};
}

int main(int argc, char **argv)
{
	struct app a;
	app_start(&a, "raytrace", argc, argv);
	uint32_t width = app_param(&a, "width"), height = app_param(&a, "height");
	uint32_t depth = app_param(&a, "depth");
	struct scene scene;
	make_scene(&scene, &a, app_param(&a, "spheres"));

	uint32_t h = hash_mix(0, a.seed);
	for (uint32_t frame = 0; frame < a.size; frame++) {
		/* The camera slides sideways and rises a little each frame. */
		struct vec eye = {(fix)(frame % 64) * (FIX_ONE / 8) - FIX(4),
				  FIX(2) + (fix)(frame % 16) * (FIX_ONE / 16), -FIX(6)};
		for (uint32_t py = 0; py < height; py++) {
			for (uint32_t px = 0; px < width; px++) {
				/* A 60-degree-ish field of view, square pixels. */
				fix dx = ((fix)px - (fix)width / 2) * FIX_ONE / ((fix)height * 2);
				fix dy = ((fix)height / 2 - (fix)py) * FIX_ONE / ((fix)height * 2);
				struct vec dir = {dx, dy - FIX_ONE / 8, FIX_ONE};
				struct color c = trace(&scene, eye, vnorm(dir), depth);
				uint32_t r = c.r > 255 ? 255 : c.r, g = c.g > 255 ? 255 : c.g;
				uint32_t b = c.b > 255 ? 255 : c.b;
				h = hash_mix(h, r << 16 | g << 8 | b);
			}
		}
	}
	free(scene.spheres);
	return app_finish(&a, h);
}
