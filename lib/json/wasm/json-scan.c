/*
 * The JSON byte scanner and re-indenter of lib/json in WebAssembly with 128-bit SIMD: the
 * walks of skip-json-value.ts (validate one value as Python's json.loads would, find its
 * end, probe top-level keys and turns) and reindent-python-json.ts (re-emit a value's
 * bytes in json.dump's layout with ensure_ascii), in simdjson's two stages:
 *
 * - Stage 1 classifies 64 bytes at a time without branches on the data: bitmaps of
 *   backslashes, quotes, control characters, structural characters ({}[]:,) and
 *   whitespace; the escaped characters (after an odd run of backslashes); the bytes inside
 *   strings (a prefix XOR of the unescaped quotes); the starts of scalars (numbers,
 *   literals, and any stray byte). The positions of quotes, structural characters outside
 *   strings and scalar starts go into an index; control characters inside strings and
 *   escapes Python rejects go into a list of faults.
 * - Stage 2 walks the index with the grammar: no byte between two indexed positions needs
 *   looking at (whitespace, or a string's inside). Only scalars are read byte by byte.
 *
 * Why: a loop that stops at each quote and reloads from there (memchr-style) pays a
 * dependent load, a bitmask and a mispredicted branch per token, measured here at 16 ns
 * a quote (0.45 ns a byte on LLaVA text) against 0.04 ns a byte for the branch-free scan.
 *
 * Positions are offsets from the buffer's start, as the JavaScript walkers' are. Every walk
 * returns a position (>= 0) or one of the codes below. On FAULT the TypeScript side walks
 * the same bytes with the JavaScript reference, which names the field and words the
 * message (one source of truth for errors, which are rare), and which also decides the
 * cases stage 1 cannot (an escape cut by the buffer's end is NEED_MORE there). FALLBACK
 * hands a value the walk does not take (nesting past MAX_DEPTH, more than IDX_CAP indexed
 * positions in one value, more keys than KEY_STACK, a separator longer than three bytes)
 * to the JavaScript walker whole.
 *
 * UTF-8 validity is not checked here: the scanner checks chunks with node's isUtf8
 * (simdutf, native AVX2), faster than wasm's 128-bit vectors can.
 *
 * Built with Debian's clang and lld by `make wasm` (see the Makefile): no libc, no
 * allocator; memory above __heap_base is laid out by the TypeScript side (a chunk region,
 * a single-value region, then the output region last, which the re-indenter grows).
 */
#include <stdint.h>
#include <wasm_simd128.h>

typedef uint8_t u8;
typedef int32_t i32;
typedef uint32_t u32;
typedef uint64_t u64;

#define EXPORT(name) __attribute__((export_name(name)))

enum {
  NEED_MORE = -1,
  FAULT = -2,
  FALLBACK = -3,
  REPEATED_KEY = -4,
};

/* Deeper values go to the JavaScript walker (Python's own limit is about 1000 levels). */
#define MAX_DEPTH 512
/* Indexed positions held at once: one value with more goes to the JavaScript walker. */
#define IDX_CAP (1 << 16)
#define ERR_CAP 256
/* A position past any buffer: "no index left before the limit". */
#define NONE 0x7fffffff

/* Results the TypeScript side reads (an Int32Array over this array). */
enum {
  R_FOUND = 0,      /* bit k: probe key k is a top-level key */
  R_TRICKY = 1,     /* the value holds what JSON.parse would not keep as Python does */
  R_COUNT = 2,      /* turns: elements of the top-level list */
  R_OBJECTS = 3,    /* turns: bit k, element k is an object */
  R_VALUES = 4,     /* turns: bit k, element k has a string "value" */
  R_FROM_START = 5, /* turns: 4 starts of element k's "from" string (-1 when absent) */
  R_FROM_END = 9,   /* turns: 4 ends */
  R_FAULT_AT = 13,  /* FAULT: a position where the walk saw the fault */
  R_END = 14,       /* reindent: the position after the value */
  R_SIZE = 16
};
static i32 results[R_SIZE];

EXPORT("results") i32 *results_ptr(void) { return results; }

EXPORT("heap_base") u32 heap_base(void) {
  extern u8 __heap_base;
  return (u32)&__heap_base;
}

static inline int is_ws(u8 c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
static inline int is_digit(u8 c) { return c >= '0' && c <= '9'; }
static inline int is_hex(u8 c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static inline int is_op(u8 c) {
  return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',';
}

static i32 skip_ws(const u8 *p, i32 i, i32 lim) {
  while (i < lim && is_ws(p[i])) i++;
  return i;
}

/* ================= stage 1: the structural index ================= */

typedef struct {
  const u8 *buf;
  i32 len;      /* bytes to classify */
  i32 pos;      /* classified up to here (a multiple of 64, or len) */
  u64 in_string; /* carries into the next block: all ones when it starts inside a string */
  u64 escaped;   /* bit 0: the next block's first byte is escaped */
  u64 scalar;    /* bit 0: the previous block ended inside a scalar */
  u32 *idx;
  i32 n;        /* positions held, idx[0..n) */
  i32 cur;      /* the walk's cursor into idx */
  i32 keep;     /* idx[keep..] must stay (the current value's); earlier ones may go */
  i32 last_start; /* the last value's start: a walk from before it starts again */
  i32 full;     /* a value needed more than IDX_CAP positions */
  i32 errs[ERR_CAP]; /* positions of faults inside strings, ascending */
  i32 err_n;
  i32 err_lost; /* faults from here on were not recorded (NONE: none lost) */
} Stage1;

static u32 chunk_idx[IDX_CAP];
static u32 value_idx[IDX_CAP];
static Stage1 chunk_ctx = {.idx = chunk_idx};
static Stage1 value_ctx = {.idx = value_idx};

static void stage1_reset(Stage1 *c, const u8 *buf, i32 len) {
  c->buf = buf;
  c->len = len;
  c->pos = 0;
  c->in_string = c->escaped = c->scalar = 0;
  c->n = c->cur = c->keep = 0;
  c->last_start = 0;
  c->full = 0;
  c->err_n = 0;
  c->err_lost = NONE;
}

static inline u64 bits64(v128_t a, v128_t b, v128_t c, v128_t d) {
  return (u64)wasm_i8x16_bitmask(a) | ((u64)wasm_i8x16_bitmask(b) << 16) |
         ((u64)wasm_i8x16_bitmask(c) << 32) | ((u64)wasm_i8x16_bitmask(d) << 48);
}

static inline u64 prefix_xor(u64 x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

static void note_fault(Stage1 *c, i32 at) {
  if (c->err_n == ERR_CAP) {
    /* Faults before the current value are done with. */
    i32 from = c->keep < c->n ? (i32)c->idx[c->keep] : c->pos;
    i32 k = 0;
    for (i32 j = 0; j < c->err_n; j++)
      if (c->errs[j] >= from) c->errs[k++] = c->errs[j];
    c->err_n = k;
    if (k == ERR_CAP) {
      if (at < c->err_lost) c->err_lost = at;
      return;
    }
  }
  c->errs[c->err_n++] = at;
}

/* Escapes Python's json accepts: \" \\ \/ \b \f \n \r \t and \u with four hex digits. */
static void check_escapes(Stage1 *c, i32 pos, u64 escaped) {
  const u8 *p = c->buf;
  while (escaped) {
    i32 at = pos + __builtin_ctzll(escaped);
    escaped &= escaped - 1;
    u8 e = p[at];
    if (e == 'u') {
      /* Hex digits cut by the buffer's end are noted too: the JavaScript walker then
       * finds NEED_MORE, as it does for an escape that does not fit before the end. */
      if (at + 4 >= c->len ||
          !(is_hex(p[at + 1]) && is_hex(p[at + 2]) && is_hex(p[at + 3]) && is_hex(p[at + 4])))
        note_fault(c, at);
    } else if (!(e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                 e == 'r' || e == 't')) {
      note_fault(c, at);
    }
  }
}

/* Classifies the 64 bytes at c->pos (the TypeScript side leaves 64 bytes of slack after
 * every region, so the last block may read past len; those bits are dropped). */
static void classify_block(Stage1 *c) {
  const u8 *p = c->buf + c->pos;
  const v128_t v0 = wasm_v128_load(p), v1 = wasm_v128_load(p + 16);
  const v128_t v2 = wasm_v128_load(p + 32), v3 = wasm_v128_load(p + 48);
#define EQ(x, ch) wasm_i8x16_eq(x, wasm_i8x16_splat(ch))
#define OP(x)                                                                            \
  wasm_v128_or(wasm_v128_or(EQ(wasm_v128_or(x, wasm_i8x16_splat(0x20)), '{'),            \
                            EQ(wasm_v128_or(x, wasm_i8x16_splat(0x20)), '}')),           \
               wasm_v128_or(EQ(x, ':'), EQ(x, ',')))
#define WS(x) wasm_v128_or(wasm_v128_or(EQ(x, ' '), EQ(x, '\n')), wasm_v128_or(EQ(x, '\r'), EQ(x, '\t')))
#define CTL(x) wasm_u8x16_lt(x, wasm_i8x16_splat(0x20))
  /* Inside a string, no quote, backslash or control character: nothing to index (most
   * blocks of long text; a third less time on LLaVA records). */
  if (c->in_string && !c->escaped && c->len - c->pos >= 64) {
#define SPECIAL(x) wasm_v128_or(wasm_v128_or(EQ(x, '"'), EQ(x, '\\')), CTL(x))
    v128_t any =
        wasm_v128_or(wasm_v128_or(SPECIAL(v0), SPECIAL(v1)), wasm_v128_or(SPECIAL(v2), SPECIAL(v3)));
#undef SPECIAL
    if (!wasm_v128_any_true(any)) {
      c->pos += 64;
      return;
    }
  }
  u64 backslash = bits64(EQ(v0, '\\'), EQ(v1, '\\'), EQ(v2, '\\'), EQ(v3, '\\'));
  u64 quote = bits64(EQ(v0, '"'), EQ(v1, '"'), EQ(v2, '"'), EQ(v3, '"'));
  u64 op = bits64(OP(v0), OP(v1), OP(v2), OP(v3));
  u64 ws = bits64(WS(v0), WS(v1), WS(v2), WS(v3));
  u64 ctl = bits64(CTL(v0), CTL(v1), CTL(v2), CTL(v3));
#undef EQ
#undef OP
#undef WS
#undef CTL
  /* The escaped bytes: each backslash not itself escaped escapes the byte after it. */
  u64 escaped = c->escaped;
  u64 pending = backslash & ~escaped;
  c->escaped = 0;
  while (pending) {
    i32 k = __builtin_ctzll(pending);
    if (k == 63) {
      c->escaped = 1;
      break;
    }
    escaped |= 1ull << (k + 1);
    pending &= ~(3ull << k);
  }
  u64 quotes = quote & ~escaped;
  /* Inside strings: from an opening quote up to (not including) its closing quote. */
  u64 in_string = prefix_xor(quotes) ^ c->in_string;
  c->in_string = (u64)((int64_t)in_string >> 63);
  u64 scalar = ~(op | ws | quote | in_string);
  u64 scalar_start = scalar & ~((scalar << 1) | c->scalar);
  c->scalar = scalar >> 63;
  u64 structural = (op & ~in_string) | quotes | scalar_start;
  u64 bad = ctl & in_string;
  u64 escapes = escaped & in_string;
  i32 left = c->len - c->pos;
  if (left < 64) {
    u64 keep = (1ull << left) - 1;
    structural &= keep;
    bad &= keep;
    escapes &= keep;
  }
  if (escapes) check_escapes(c, c->pos, escapes);
  while (bad) {
    note_fault(c, c->pos + __builtin_ctzll(bad));
    bad &= bad - 1;
  }
  u32 *idx = c->idx + c->n;
  i32 n = 0;
  while (structural) {
    idx[n++] = (u32)(c->pos + __builtin_ctzll(structural));
    structural &= structural - 1;
  }
  c->n += n;
  c->pos = left < 64 ? c->len : c->pos + 64;
}

/* Classifies more blocks; 0 when the buffer is done or the index is full (c->full). */
static int stage1_more(Stage1 *c) {
  if (c->pos >= c->len) return 0;
  if (c->n + 64 * 16 > IDX_CAP) {
    /* Positions before the current value are done with. */
    i32 k = c->keep;
    for (i32 j = k; j < c->n; j++) c->idx[j - k] = c->idx[j];
    c->n -= k;
    c->cur -= k;
    c->keep = 0;
    if (c->n + 64 > IDX_CAP) {
      c->full = 1;
      return 0;
    }
  }
  for (i32 blocks = 0; blocks < 16 && c->pos < c->len && c->n + 64 <= IDX_CAP; blocks++)
    classify_block(c);
  return 1;
}

/* ================= stage 2: the validating walk (skip-json-value.ts) ================= */

static Stage1 *S;
static const u8 *b;
static i32 lim;
static int quick;    /* structure only: string contents are not checked */
static int probe_on; /* match top-level keys against the probe keys */
static int turns_on; /* summarise a top-level list of turns */
static u8 probe_keys[1024]; /* n keys, each [length byte][bytes] */
static i32 probe_count;

EXPORT("probe_keys") u8 *probe_keys_ptr(void) { return probe_keys; }

/* The position of the next indexed byte before the limit, or NONE. */
static inline i32 peek(void) {
  while (S->cur >= S->n)
    if (!stage1_more(S)) return NONE;
  i32 p = (i32)S->idx[S->cur];
  return p < lim ? p : NONE;
}

static i32 fault(i32 at) {
  results[R_FAULT_AT] = at;
  return FAULT;
}

/* The closing quote of the string opened at the current index's predecessor. */
static i32 string_end(void) {
  i32 q = peek();
  if (q == NONE) return NEED_MORE;
  S->cur++;
  return q + 1; /* only quotes are indexed inside a string: this is its closing one */
}

static i32 literal(i32 i, const char *word, i32 n) {
  for (i32 k = 0; k < n; k++) {
    if (i + k >= lim) return NEED_MORE;
    if (b[i + k] != (u8)word[k]) return fault(i);
  }
  return i + n;
}

static i32 number(i32 i) {
  i32 start = i;
  if (b[i] == '-') {
    i++;
    if (i >= lim) return NEED_MORE;
    if (b[i] == 'I') {
      results[R_TRICKY] = 1;
      return literal(i, "Infinity", 8);
    }
  }
  if (b[i] == '0') {
    i++;
  } else if (b[i] >= '1' && b[i] <= '9') {
    while (i < lim && is_digit(b[i])) i++;
  } else {
    return fault(start);
  }
  if (i - start > 15) results[R_TRICKY] = 1;
  if (i < lim && b[i] == '.') {
    results[R_TRICKY] = 1;
    i++;
    i32 d = i;
    while (i < lim && is_digit(b[i])) i++;
    if (i == d) return i >= lim ? NEED_MORE : fault(start);
  }
  if (i < lim && (b[i] == 'e' || b[i] == 'E')) {
    results[R_TRICKY] = 1;
    i++;
    if (i < lim && (b[i] == '+' || b[i] == '-')) i++;
    i32 d = i;
    while (i < lim && is_digit(b[i])) i++;
    if (i == d) return i >= lim ? NEED_MORE : fault(start);
  }
  /* A number that touches the end of the buffer may go on in the next chunk. */
  if (i >= lim) return NEED_MORE;
  return i;
}

/* A number or literal at i (an indexed scalar start). */
static i32 scalar(i32 i) {
  u8 c = b[i];
  if (c == '-' || is_digit(c)) return number(i);
  if (c == 't') return literal(i, "true", 4);
  if (c == 'f') return literal(i, "false", 5);
  if (c == 'n') return literal(i, "null", 4);
  if (c == 'N' || c == 'I') results[R_TRICKY] = 1;
  if (c == 'N') return literal(i, "NaN", 3);
  if (c == 'I') return literal(i, "Infinity", 8);
  return fault(i);
}

static int same_key(i32 start, i32 stop, const u8 *word, i32 n) {
  if (stop - start != n) return 0;
  for (i32 k = 0; k < n; k++)
    if (b[start + k] != word[k]) return 0;
  return 1;
}

static void match_probe_keys(i32 start, i32 stop) {
  const u8 *p = probe_keys;
  for (i32 k = 0; k < probe_count; k++) {
    i32 n = *p++;
    if (same_key(start, stop, p, n)) results[R_FOUND] |= 1 << k;
    p += n;
  }
}

static i32 value(i32 depth, i32 element);

/* A value inside a container: after a scalar only whitespace may come before the next
 * indexed byte (a scalar's run that goes on, `1x`, is a fault). */
static i32 member(i32 depth, i32 element) {
  i32 p = peek();
  i32 end = value(depth, element);
  if (end < 0 || b[p] == '"' || b[p] == '{' || b[p] == '[') return end;
  i32 w = skip_ws(b, end, lim);
  if (w >= lim) return NEED_MORE;
  return w == peek() ? end : fault(w);
}

/* `element`: the index of this object in a top-level list of turns when below 4, else -1. */
static i32 object(i32 at, i32 depth, i32 element) {
  (void)at;
  if (depth >= MAX_DEPTH) return FALLBACK;
  if (!(turns_on && depth == 1)) element = -1;
  if (element >= 0) results[R_OBJECTS] |= 1 << element;
  i32 q = peek();
  if (q == NONE) return NEED_MORE;
  if (b[q] == '}') {
    S->cur++;
    return q + 1;
  }
  for (;;) {
    q = peek();
    if (q == NONE) return NEED_MORE;
    if (b[q] != '"') return fault(q);
    S->cur++;
    i32 key = q + 1;
    i32 i = string_end();
    if (i < 0) return i;
    i32 key_end = i - 1;
    if (is_digit(b[key])) results[R_TRICKY] = 1;
    if (depth == 0 && probe_on) match_probe_keys(key, key_end);
    q = peek();
    if (q == NONE) return NEED_MORE;
    if (b[q] != ':') return fault(q);
    S->cur++;
    i32 value_start = peek();
    i = member(depth + 1, -1);
    if (i < 0) return i;
    if (element >= 0 && b[value_start] == '"') {
      if (same_key(key, key_end, (const u8 *)"from", 4)) {
        results[R_FROM_START + element] = value_start + 1;
        results[R_FROM_END + element] = i - 1;
      } else if (same_key(key, key_end, (const u8 *)"value", 5)) {
        results[R_VALUES] |= 1 << element;
      }
    }
    q = peek();
    if (q == NONE) return NEED_MORE;
    S->cur++;
    if (b[q] == '}') return q + 1;
    if (b[q] != ',') return fault(q);
  }
}

static i32 array(i32 at, i32 depth) {
  (void)at;
  if (depth >= MAX_DEPTH) return FALLBACK;
  i32 q = peek();
  if (q == NONE) return NEED_MORE;
  if (b[q] == ']') {
    S->cur++;
    return q + 1;
  }
  for (i32 n = 0;; n++) {
    i32 i = member(depth + 1, depth == 0 && n < 4 ? n : -1);
    if (i < 0) return i;
    q = peek();
    if (q == NONE) return NEED_MORE;
    S->cur++;
    if (b[q] == ']') {
      if (depth == 0 && turns_on) results[R_COUNT] = n + 1;
      return q + 1;
    }
    if (b[q] != ',') return fault(q);
  }
}

static i32 value(i32 depth, i32 element) {
  i32 p = peek();
  if (p == NONE) return NEED_MORE;
  u8 c = b[p];
  if (c == '"') {
    S->cur++;
    return string_end();
  }
  if (c == '{') {
    S->cur++;
    return object(p, depth, element);
  }
  if (c == '[') {
    S->cur++;
    return array(p, depth);
  }
  if (is_op(c)) return fault(p);
  S->cur++;
  return scalar(p);
}

/* Moves the cursor to the first indexed position at or after `start` (classifying from
 * the buffer's start again when a walk goes back). */
static void seek(i32 start) {
  Stage1 *c = S;
  if (start < c->last_start) stage1_reset(c, c->buf, c->len);
  c->last_start = start;
  for (;;) {
    if (c->cur >= c->n) {
      c->keep = c->cur;
      if (!stage1_more(c)) break;
      continue;
    }
    if ((i32)c->idx[c->cur] >= start) break;
    c->cur++;
  }
  c->keep = c->cur;
  c->full = 0;
}

/* A fault recorded by stage 1 inside [from, to)? */
static int string_fault_in(i32 from, i32 to) {
  if (S->err_lost < to) return 1;
  for (i32 k = 0; k < S->err_n; k++)
    if (S->errs[k] >= from && S->errs[k] < to) return 1;
  return 0;
}

static i32 walk(i32 start, i32 limit, i32 flags, i32 keys) {
  b = S->buf;
  lim = limit;
  quick = flags & 1;
  probe_on = (flags & 2) != 0;
  turns_on = (flags & 4) != 0;
  probe_count = keys;
  for (i32 k = 0; k < R_SIZE; k++) results[k] = 0;
  for (i32 k = 0; k < 4; k++) results[R_FROM_START + k] = results[R_FROM_END + k] = -1;
  seek(start);
  /* Only whitespace may come before the value's first byte (never a scalar's middle). */
  i32 first = skip_ws(b, start, lim);
  if (first >= lim) return NEED_MORE;
  if (first != peek()) return S->full ? FALLBACK : fault(first);
  i32 end = value(0, -1);
  if (S->full) return FALLBACK;
  if (end == FAULT || end == FALLBACK) return end;
  if (!quick && string_fault_in(start, end < 0 ? lim : end)) return fault(start);
  return end;
}

/*
 * Checks the JSON value at the loaded chunk's [start..] (after optional whitespace) within
 * [..limit]. flags: 1 structure only, 2 probe the `keys` top-level keys (probe_keys), 4
 * summarise turns. Returns the position after the value, NEED_MORE, FAULT or FALLBACK.
 * Calls for one chunk walk its records in order.
 */
EXPORT("skip_in_chunk") i32 skip_in_chunk(i32 start, i32 limit, i32 flags, i32 keys) {
  S = &chunk_ctx;
  return walk(start, limit, flags, keys);
}

/* Loads a chunk of `len` bytes at buf for skip_in_chunk (64 bytes after it are slack). */
EXPORT("load_chunk") void load_chunk(const u8 *buf, i32 len) { stage1_reset(&chunk_ctx, buf, len); }

/* skip_in_chunk for one value alone at buf[0..len). */
EXPORT("skip_value") i32 skip_value(const u8 *buf, i32 len, i32 flags, i32 keys) {
  S = &value_ctx;
  stage1_reset(S, buf, len);
  return walk(0, len, flags, keys);
}

/* ================= stage 2: the re-indenter (reindent-python-json.ts) ================= */

static u8 *out0;   /* output region start */
static u8 *o;      /* next output byte */
static u8 *olim;   /* end of usable output memory (SLACK bytes below memory's end) */
static i32 indent; /* spaces per level, or -1 for one line */
static u8 item_sep[3], key_sep[3];
static i32 item_sep_n, key_sep_n;

/* Bytes a 16-byte step may write past the output's end. */
#define SLACK 64
#define KEY_STACK 8192
static i32 key_stack[KEY_STACK]; /* output ranges of the keys of the objects being written */
static i32 key_top;

/* The repr of a float lexeme, by the TypeScript side (python-float-repr.ts). */
__attribute__((import_module("env"), import_name("float_repr"))) i32 float_repr(const u8 *lexeme,
                                                                                 i32 n, u8 *out);

/* Makes room for n more output bytes (and a vector step's slack): grows memory, which only
 * adds pages after the output region, so nothing written moves. */
static int room(u32 n) {
  if ((u32)(olim - o) >= n) return 1;
  u32 have = __builtin_wasm_memory_size(0);
  u32 want = (u32)(uintptr_t)o + n + SLACK;
  u32 pages = (want + 65535) >> 16;
  if (pages < have * 2) pages = have * 2; /* doubling: a grow costs new views on the JS side */
  if (pages > 65535) pages = 65535;
  if (pages <= have || __builtin_wasm_memory_grow(0, pages - have) < 0) return 0;
  olim = (u8 *)(uintptr_t)(((u32)pages << 16) - SLACK);
  return (u32)(olim - o) >= n;
}

static const char HEX[] = "0123456789abcdef";

static inline void put_escape(u32 code) {
  o[0] = '\\';
  o[1] = 'u';
  o[2] = HEX[(code >> 12) & 15];
  o[3] = HEX[(code >> 8) & 15];
  o[4] = HEX[(code >> 4) & 15];
  o[5] = HEX[code & 15];
  o += 6;
}

static inline u32 hex_value(u8 c) { return c <= '9' ? c - '0' : (c | 32) - 'a' + 10; }
static inline int is_lower_hex(u8 c) { return is_digit(c) || (c >= 'a' && c <= 'f'); }

/* One UTF-16 code unit, as Python's ensure_ascii writes it. */
static void put_code_unit(u32 code) {
  if (code >= 0x20 && code <= 0x7e) {
    if (code == '"' || code == '\\') *o++ = '\\';
    *o++ = (u8)code;
    return;
  }
  u8 named = code == '\n'   ? 'n'
             : code == '\r' ? 'r'
             : code == '\t' ? 't'
             : code == 8    ? 'b'
             : code == 12   ? 'f'
                            : 0;
  if (named) {
    o[0] = '\\';
    o[1] = named;
    o += 2;
    return;
  }
  put_escape(code);
}

/* The length of the escape at b[i] when Python writes the same bytes for it (copy it),
 * else 0 (rewrite it): `\/`, uppercase hex, `\u0041`, `\u000a` are rewritten. */
static i32 canonical_escape_length(i32 i) {
  u8 e = b[i + 1];
  if (e != 'u') return e == '/' ? 0 : 2;
  if (!is_lower_hex(b[i + 2]) || !is_lower_hex(b[i + 3]) || !is_lower_hex(b[i + 4]) ||
      !is_lower_hex(b[i + 5]))
    return 0;
  if (b[i + 2] != '0' || b[i + 3] != '0') return 6; /* >= U+0100 */
  u32 low = (hex_value(b[i + 4]) << 4) | hex_value(b[i + 5]);
  if (low >= 0x20 && low <= 0x7e) return 0;
  return low == 8 || low == 9 || low == 10 || low == 12 || low == 13 ? 0 : 6;
}

static i32 rewrite_escape(i32 i) {
  u8 e = b[i + 1];
  if (e == 'u') {
    put_code_unit((hex_value(b[i + 2]) << 12) | (hex_value(b[i + 3]) << 8) |
                  (hex_value(b[i + 4]) << 4) | hex_value(b[i + 5]));
    return i + 6;
  }
  if (e == '/') {
    *o++ = '/';
  } else {
    o[0] = '\\';
    o[1] = e;
    o += 2;
  }
  return i + 2;
}

/* U+007F or one raw UTF-8 character at b[i] (valid: the scanner checked), escaped. */
static i32 escape_raw(i32 i) {
  u32 c = b[i];
  if (c < 0x80) {
    put_escape(c);
    return i + 1;
  }
  if (c < 0xe0) {
    put_escape(((c & 0x1f) << 6) | (b[i + 1] & 0x3f));
    return i + 2;
  }
  if (c < 0xf0) {
    put_escape(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f));
    return i + 3;
  }
  u32 cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) |
           (b[i + 3] & 0x3f);
  u32 v = cp - 0x10000;
  put_escape(0xd800 | (v >> 10));
  put_escape(0xdc00 | (v & 0x3ff));
  return i + 4;
}

/* The string b[open..close] (both quotes; its end known from the index): plain printable
 * ASCII is copied 16 bytes a step, escapes Python writes the same way are copied, the rest
 * is re-escaped as ensure_ascii would. */
static i32 emit_string(i32 open, i32 close) {
  const v128_t quote = wasm_i8x16_splat('"');
  const v128_t slash = wasm_i8x16_splat('\\');
  const v128_t space = wasm_i8x16_splat(0x20);
  const v128_t tilde = wasm_i8x16_splat(0x7e);
  if (!room(1)) return FALLBACK;
  *o++ = '"';
  i32 i = open + 1;
  for (;;) {
    /* Room for a vector, or for the 12 bytes of an escaped character, and the quote. */
    while (i + 16 <= close) {
      if (!room(32)) return FALLBACK;
      v128_t v = wasm_v128_load(b + i);
      wasm_v128_store(o, v);
      v128_t m = wasm_v128_or(
          wasm_v128_or(wasm_i8x16_eq(v, quote), wasm_i8x16_eq(v, slash)),
          wasm_v128_or(wasm_u8x16_lt(v, space), wasm_u8x16_gt(v, tilde)));
      u32 bits = wasm_i8x16_bitmask(m);
      if (bits) {
        u32 k = __builtin_ctz(bits);
        i += k;
        o += k;
        goto special;
      }
      i += 16;
      o += 16;
    }
    if (!room(32)) return FALLBACK;
    while (i < close) {
      u8 c = b[i];
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') goto special;
      *o++ = c;
      i++;
    }
    *o++ = '"';
    return close + 1;
  special : {
    if (!room(32)) return FALLBACK;
    u8 c = b[i];
    if (c == '\\') {
      i32 keep = canonical_escape_length(i);
      if (keep == 2) {
        o[0] = '\\';
        o[1] = b[i + 1];
        o += 2;
        i += 2;
      } else if (keep == 6) {
        for (i32 k = 0; k < 6; k++) o[k] = b[i + k];
        o += 6;
        i += 6;
      } else {
        i = rewrite_escape(i);
      }
    } else if (c < 0x20) {
      results[R_FAULT_AT] = i; /* Python's json.load refuses raw control characters */
      return FAULT;
    } else if (c == '"') {
      return FALLBACK; /* not where the index says the string ends: not valid JSON */
    } else {
      i = escape_raw(i);
    }
  }
  }
}

static int newline(i32 level) {
  if (indent < 0) return 1;
  u32 spaces = (u32)(level * indent);
  if (!room(spaces + 1 + 16)) return 0;
  *o++ = '\n';
  const v128_t blank = wasm_i8x16_splat(' ');
  for (u32 k = 0; k < spaces; k += 16) wasm_v128_store(o + k, blank);
  o += spaces;
  return 1;
}

static int put_sep(const u8 *sep, i32 n) {
  if (!room(4)) return 0;
  for (i32 k = 0; k < n; k++) o[k] = sep[k];
  o += n;
  return 1;
}

static int put_byte(u8 c) {
  if (!room(1)) return 0;
  *o++ = c;
  return 1;
}

/* A number or literal at i: copied, except floats (repr), -0 (0). */
static i32 emit_scalar(i32 i) {
  i32 start = i;
  u8 c0 = b[i];
  if (!(c0 == '-' || is_digit(c0))) {
    /* true, false, null, NaN, Infinity: copied as they are. */
    i32 j = i;
    while (j < lim && (b[j] | 32) >= 'a' && (b[j] | 32) <= 'z') j++;
    if (!room((u32)(j - i))) return FALLBACK;
    for (i32 k = i; k < j; k++) *o++ = b[k];
    return j;
  }
  int is_float = 0;
  if (b[i] == '-') {
    i++;
    if (i < lim && b[i] == 'I') {
      if (!room(9)) return FALLBACK;
      const char *w = "-Infinity";
      for (i32 k = 0; k < 9; k++) o[k] = (u8)w[k];
      o += 9;
      return i + 8;
    }
  }
  while (i < lim) {
    u8 c = b[i];
    if (is_digit(c)) {
      i++;
    } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
      is_float = 1;
      i++;
    } else {
      break;
    }
  }
  if (!room((u32)(i - start) + 40)) return FALLBACK;
  if (is_float) {
    o += float_repr(b + start, i - start, o);
  } else if (i - start == 2 && b[start] == '-' && b[start + 1] == '0') {
    *o++ = '0'; /* Python's int("-0") is 0 */
  } else {
    for (i32 k = start; k < i; k++) *o++ = b[k];
  }
  return i;
}

static i32 emit_value(i32 level, i32 depth);

/* The next indexed byte, which must be `want` (valid JSON); its position or NONE. */
static inline i32 expect(u8 want) {
  i32 q = peek();
  if (q == NONE || b[q] != want) return NONE;
  S->cur++;
  return q;
}

static i32 emit_array(i32 level, i32 depth) {
  if (depth >= MAX_DEPTH) return FALLBACK;
  i32 q = peek();
  if (q == NONE) return FALLBACK;
  if (b[q] == ']') {
    S->cur++;
    if (!put_byte('[') || !put_byte(']')) return FALLBACK;
    return q + 1;
  }
  if (!put_byte('[') || !newline(level + 1)) return FALLBACK;
  for (;;) {
    i32 i = emit_value(level + 1, depth + 1);
    if (i < 0) return i;
    q = peek();
    if (q == NONE) return FALLBACK;
    S->cur++;
    if (b[q] == ']') {
      if (!newline(level) || !put_byte(']')) return FALLBACK;
      return q + 1;
    }
    if (b[q] != ',' || !put_sep(item_sep, item_sep_n) || !newline(level + 1)) return FALLBACK;
  }
}

static int same_output(i32 a0, i32 a1, i32 b0, i32 b1) {
  if (a1 - a0 != b1 - b0) return 0;
  for (i32 k = 0; k < a1 - a0; k++)
    if (out0[a0 + k] != out0[b0 + k]) return 0;
  return 1;
}

static i32 emit_object(i32 level, i32 depth) {
  if (depth >= MAX_DEPTH) return FALLBACK;
  i32 q = peek();
  if (q == NONE) return FALLBACK;
  if (b[q] == '}') {
    S->cur++;
    if (!put_byte('{') || !put_byte('}')) return FALLBACK;
    return q + 1;
  }
  if (!put_byte('{') || !newline(level + 1)) return FALLBACK;
  /* Emitted keys are canonical, so equal bytes are equal keys. */
  i32 base = key_top;
  for (;;) {
    i32 open = expect('"');
    i32 close = expect('"');
    if (open == NONE || close == NONE) return FALLBACK;
    i32 k0 = (i32)(o - out0);
    i32 i = emit_string(open, close);
    if (i < 0) return i;
    i32 k1 = (i32)(o - out0);
    for (i32 k = base; k < key_top; k += 2)
      if (same_output(key_stack[k], key_stack[k + 1], k0, k1)) return REPEATED_KEY;
    if (key_top + 2 > KEY_STACK) return FALLBACK;
    key_stack[key_top++] = k0;
    key_stack[key_top++] = k1;
    if (expect(':') == NONE || !put_sep(key_sep, key_sep_n)) return FALLBACK;
    i = emit_value(level + 1, depth + 1);
    if (i < 0) return i;
    q = peek();
    if (q == NONE) return FALLBACK;
    S->cur++;
    if (b[q] == '}') {
      key_top = base;
      if (!newline(level) || !put_byte('}')) return FALLBACK;
      return q + 1;
    }
    if (b[q] != ',' || !put_sep(item_sep, item_sep_n) || !newline(level + 1)) return FALLBACK;
  }
}

static i32 emit_value(i32 level, i32 depth) {
  i32 p = peek();
  if (p == NONE) return FALLBACK;
  u8 c = b[p];
  S->cur++;
  if (c == '"') {
    i32 close = expect('"');
    return close == NONE ? FALLBACK : emit_string(p, close);
  }
  if (c == '{') return emit_object(level, depth);
  if (c == '[') return emit_array(level, depth);
  if (is_op(c)) return FALLBACK;
  return emit_scalar(p);
}

/*
 * Writes the value at src[start..] (valid JSON ending by src[end]) at out, laid out as
 * Python's json.dump at nesting `level` (first line unindented). indent: spaces per level
 * or -1 for one line; separators packed as length | byte0 << 8 | byte1 << 16 | byte2 << 24.
 * Returns the number of bytes written (results[R_END]: the position after the value), or
 * FAULT (a raw control character, results[R_FAULT_AT]), REPEATED_KEY or FALLBACK.
 */
EXPORT("reindent") i32 reindent(const u8 *src, i32 start, i32 end, i32 level, u8 *out,
                                i32 spaces, u32 item, u32 key) {
  S = &value_ctx;
  stage1_reset(S, src, end);
  b = src;
  lim = end;
  out0 = o = out;
  olim = (u8 *)(uintptr_t)(((u32)__builtin_wasm_memory_size(0) << 16) - SLACK);
  indent = spaces;
  item_sep_n = item & 0xff;
  key_sep_n = key & 0xff;
  if (item_sep_n > 3 || key_sep_n > 3) return FALLBACK;
  for (i32 k = 0; k < 3; k++) {
    item_sep[k] = (u8)(item >> (8 * (k + 1)));
    key_sep[k] = (u8)(key >> (8 * (k + 1)));
  }
  key_top = 0;
  seek(start);
  if (skip_ws(b, start, lim) != peek()) return FALLBACK;
  i32 at = emit_value(level, 0);
  if (S->full) return FALLBACK;
  if (at < 0) return at;
  results[R_END] = at;
  return (i32)(o - out0);
}
