/*
 * ssj_native: the hot loop of ssj-draw/1 (spec §2, §3) in C.
 *
 * Every ticket hashes the 64 hex bytes of H(seed) and then an id, so the SHA-256 state after that
 * first block (the midstate) is computed once per prefix; an id of up to 55 bytes then costs one
 * SHA256_Transform (OpenSSL picks SHA-NI when the CPU has it). Longer ids use Update/Final.
 *
 *   hashLines(prefix, buf, starts, ends, n, out)
 *     out[32i..32i+32) = SHA-256(prefix + buf[starts[i], ends[i]))
 *   filterLines(prefix, buf, starts, ends, n, k1max, k2max, outDigests, outIdx) -> count
 *     hashes every line, computes its 19-digit sort key (ticket digits 1-10 and 11-19, see
 *     core/src/draw/ticket.ts) and keeps only lines whose key is <= (k1max, k2max); their
 *     digests and indexes are written in order. The caller's bounded heap decides exactly.
 *   keyLines(prefix, buf, starts, ends, n, outDigests, outKeys)
 *     digests and sort keys of every line (assignment's pair tickets, spec §5).
 *   scanChunk(prefix, buf, from, to, flags, prev, prevIdLen, k1max, k2max, outDigests, outStarts,
 *             outIdEnds, res)
 *     the whole per-line loop of `ssj draw` (spec §4 checks + hashing + key filter) over the
 *     complete lines of buf[from, to): see scan_chunk below for flags and res.
 */
#include <node_api.h>
#include <openssl/sha.h>
#include <stdint.h>
#include <string.h>

#define CHECK(call)                                                                      \
  do {                                                                                   \
    if ((call) != napi_ok) {                                                             \
      napi_throw_error(env, NULL, "ssj_native: bad arguments");                         \
      return NULL;                                                                       \
    }                                                                                    \
  } while (0)

typedef struct {
  char prefix[64];
  SHA256_CTX mid;
  int ready;
} midstate_t;

static _Thread_local midstate_t g_mid; /* per thread: worker_threads share the loaded library */

static int set_prefix(napi_env env, napi_value v) {
  char p[65];
  size_t len = 0;
  if (napi_get_value_string_latin1(env, v, p, sizeof p, &len) != napi_ok || len != 64) {
    return 0;
  }
  if (g_mid.ready && memcmp(g_mid.prefix, p, 64) == 0) {
    return 1;
  }
  memcpy(g_mid.prefix, p, 64);
  SHA256_Init(&g_mid.mid);
  SHA256_Update(&g_mid.mid, p, 64);
  g_mid.ready = 1;
  return 1;
}

static inline void hash_one(const SHA256_CTX *mid, const uint8_t *id, size_t n, uint8_t *out) {
  SHA256_CTX c = *mid;
  if (n <= 55) {
    uint8_t block[64];
    memcpy(block, id, n);
    block[n] = 0x80;
    memset(block + n + 1, 0, 62 - (n + 1));
    uint32_t bits = (uint32_t)(64 + n) * 8;
    block[62] = (uint8_t)(bits >> 8);
    block[63] = (uint8_t)bits;
    SHA256_Transform(&c, block);
    for (int i = 0; i < 8; i++) {
      uint32_t w = c.h[i];
      out[4 * i] = (uint8_t)(w >> 24);
      out[4 * i + 1] = (uint8_t)(w >> 16);
      out[4 * i + 2] = (uint8_t)(w >> 8);
      out[4 * i + 3] = (uint8_t)w;
    }
  } else {
    SHA256_Update(&c, id, n);
    SHA256_Final(out, &c);
  }
}

/* 2^(32j) mod 10^19, j = 0..7 (most significant word of the digest is j = 7). */
static uint64_t g_pow[8];
static uint8_t g_rev2[100];

static void init_tables(void) {
  const unsigned __int128 m = 10000000000000000000ull;
  unsigned __int128 p = 1;
  for (int j = 0; j < 8; j++) {
    g_pow[j] = (uint64_t)p;
    p = (p << 32) % m;
  }
  for (int i = 0; i < 100; i++) {
    g_rev2[i] = (uint8_t)((i % 10) * 10 + i / 10);
  }
}

/* spec §2: ticket digits 1-19 are the digits of x mod 10^19 from the units up.
 * k1 = ticket digits 1-10, k2 = digits 11-19 (as in core/src/draw/ticket.ts sortKeyInto). */
static inline void sort_key(const uint8_t *d, uint64_t *k1, uint64_t *k2) {
  unsigned __int128 acc = 0;
  for (int j = 0; j < 8; j++) {
    const uint8_t *w = d + 4 * (7 - j);
    uint64_t word = ((uint64_t)w[0] << 24) | ((uint64_t)w[1] << 16) | ((uint64_t)w[2] << 8) | w[3];
    acc += (unsigned __int128)word * g_pow[j];
  }
  uint64_t r = (uint64_t)(acc % 10000000000000000000ull);
  uint64_t lo = r % 10000000000ull, hi = r / 10000000000ull;
  uint64_t a = 0, b = 0;
  for (int i = 0; i < 5; i++) {
    a = a * 100 + g_rev2[lo % 100];
    lo /= 100;
  }
  /* hi has 9 digits: 4 pairs, then the last single digit */
  for (int i = 0; i < 4; i++) {
    b = b * 100 + g_rev2[hi % 100];
    hi /= 100;
  }
  b = b * 10 + hi;
  *k1 = a;
  *k2 = b;
}

typedef struct {
  uint8_t *buf;
  size_t buf_len;
  int32_t *starts;
  int32_t *ends;
  size_t n;
} lines_t;

static int get_u8(napi_env env, napi_value v, uint8_t **data, size_t *len) {
  napi_typedarray_type t;
  void *p;
  napi_value ab;
  size_t off;
  if (napi_get_typedarray_info(env, v, &t, len, &p, &ab, &off) != napi_ok || t != napi_uint8_array) {
    return 0;
  }
  *data = p;
  return 1;
}

static int get_i32(napi_env env, napi_value v, int32_t **data, size_t *len) {
  napi_typedarray_type t;
  void *p;
  napi_value ab;
  size_t off;
  if (napi_get_typedarray_info(env, v, &t, len, &p, &ab, &off) != napi_ok || t != napi_int32_array) {
    return 0;
  }
  *data = p;
  return 1;
}

static int get_lines(napi_env env, napi_value *argv, lines_t *l) {
  size_t ns, ne;
  uint32_t n;
  if (!get_u8(env, argv[1], &l->buf, &l->buf_len) || !get_i32(env, argv[2], &l->starts, &ns) || !get_i32(env, argv[3], &l->ends, &ne) ||
      napi_get_value_uint32(env, argv[4], &n) != napi_ok || n > ns || n > ne) {
    return 0;
  }
  l->n = n;
  for (size_t i = 0; i < l->n; i++) {
    if (l->starts[i] < 0 || l->ends[i] < l->starts[i] || (size_t)l->ends[i] > l->buf_len) {
      return 0;
    }
  }
  return 1;
}

static napi_value hash_lines(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  lines_t l;
  uint8_t *out;
  size_t out_len;
  if (argc < 6 || !set_prefix(env, argv[0]) || !get_lines(env, argv, &l) || !get_u8(env, argv[5], &out, &out_len) || out_len < l.n * 32) {
    napi_throw_error(env, NULL, "ssj_native.hashLines: bad arguments");
    return NULL;
  }
  const SHA256_CTX *mid = &g_mid.mid;
  for (size_t i = 0; i < l.n; i++) {
    hash_one(mid, l.buf + l.starts[i], (size_t)(l.ends[i] - l.starts[i]), out + 32 * i);
  }
  return NULL;
}

static napi_value filter_lines(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  lines_t l;
  double k1max, k2max;
  uint8_t *out;
  size_t out_len, idx_len;
  int32_t *idx;
  if (argc < 9 || !set_prefix(env, argv[0]) || !get_lines(env, argv, &l) || napi_get_value_double(env, argv[5], &k1max) != napi_ok ||
      napi_get_value_double(env, argv[6], &k2max) != napi_ok || !get_u8(env, argv[7], &out, &out_len) || out_len < l.n * 32 ||
      !get_i32(env, argv[8], &idx, &idx_len) || idx_len < l.n) {
    napi_throw_error(env, NULL, "ssj_native.filterLines: bad arguments");
    return NULL;
  }
  int all = !(k1max < 1e10); /* heap not full yet: keep everything */
  uint64_t m1 = all ? 0 : (uint64_t)k1max, m2 = all ? 0 : (uint64_t)(k2max < 1e9 ? k2max : 999999999.0);
  uint32_t count = 0;
  uint8_t d[32];
  const SHA256_CTX *mid = &g_mid.mid;
  for (size_t i = 0; i < l.n; i++) {
    hash_one(mid, l.buf + l.starts[i], (size_t)(l.ends[i] - l.starts[i]), d);
    if (!all) {
      uint64_t k1, k2;
      sort_key(d, &k1, &k2);
      if (k1 > m1 || (k1 == m1 && k2 > m2)) {
        continue;
      }
    }
    memcpy(out + 32 * count, d, 32);
    idx[count++] = (int32_t)i;
  }
  napi_value r;
  CHECK(napi_create_uint32(env, count, &r));
  return r;
}

/* keyLines(prefix, buf, starts, ends, n, outDigests, outKeys): digests and 19-digit sort keys
 * (outKeys[2i] = ticket digits 1-10, outKeys[2i+1] = digits 11-19) of every line. */
static napi_value key_lines(napi_env env, napi_callback_info info) {
  size_t argc = 7;
  napi_value argv[7];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  lines_t l;
  uint8_t *out;
  size_t out_len, keys_len;
  napi_typedarray_type t;
  void *kp;
  napi_value ab;
  size_t off;
  if (argc < 7 || !set_prefix(env, argv[0]) || !get_lines(env, argv, &l) || !get_u8(env, argv[5], &out, &out_len) || out_len < l.n * 32 ||
      napi_get_typedarray_info(env, argv[6], &t, &keys_len, &kp, &ab, &off) != napi_ok || t != napi_float64_array || keys_len < 2 * l.n) {
    napi_throw_error(env, NULL, "ssj_native.keyLines: bad arguments");
    return NULL;
  }
  double *keys = kp;
  const SHA256_CTX *mid = &g_mid.mid;
  for (size_t i = 0; i < l.n; i++) {
    uint64_t k1, k2;
    hash_one(mid, l.buf + l.starts[i], (size_t)(l.ends[i] - l.starts[i]), out + 32 * i);
    sort_key(out + 32 * i, &k1, &k2);
    keys[2 * i] = (double)k1;
    keys[2 * i + 1] = (double)k2;
  }
  return NULL;
}

enum {
  ISSUE_NONE = 0,
  ISSUE_EMPTY_LINE,
  ISSUE_CR,
  ISSUE_EXTRA_TAB,
  ISSUE_BOM,
  ISSUE_EMPTY_ID,
  ISSUE_EMPTY_UNIT,
  ISSUE_UNIT_MISSING,
  ISSUE_UNIT_UNEXPECTED,
  ISSUE_DUPLICATE,
  ISSUE_OUT_OF_ORDER
};

static inline int cmp_bytes(const uint8_t *a, size_t al, const uint8_t *b, size_t bl) {
  int c = memcmp(a, b, al < bl ? al : bl);
  if (c != 0) {
    return c;
  }
  return al < bl ? -1 : al > bl ? 1 : 0;
}

/*
 * flags: 1 = lines carry a UNIT, 2 = buf[from] is the start of the file (BOM check), 4 = prev holds
 * the previous line (prevIdLen bytes of it are the id).
 * res (Int32Array, 8): [0] complete lines consumed, [1] offset after the last consumed line,
 * [2] lines kept in outStarts/outIdEnds/outDigests, [3] issue code, [4] 1-based line of the issue
 * among the consumed lines, [5] start, [6] end, [7] id end of the last consumed line (-1: none).
 * Stops early when the outputs are full, so the caller can tighten the bound and call again.
 */
static napi_value scan_chunk(napi_env env, napi_callback_info info) {
  size_t argc = 13;
  napi_value argv[13];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  uint8_t *buf, *prev, *out;
  size_t buf_len, prev_len, out_len, cap_s, cap_e, res_len;
  uint32_t from, to, flags, prev_id_len;
  double k1max, k2max;
  int32_t *out_starts, *out_ends, *res;
  if (argc < 13 || !set_prefix(env, argv[0]) || !get_u8(env, argv[1], &buf, &buf_len) || napi_get_value_uint32(env, argv[2], &from) != napi_ok ||
      napi_get_value_uint32(env, argv[3], &to) != napi_ok || napi_get_value_uint32(env, argv[4], &flags) != napi_ok ||
      !get_u8(env, argv[5], &prev, &prev_len) || napi_get_value_uint32(env, argv[6], &prev_id_len) != napi_ok ||
      napi_get_value_double(env, argv[7], &k1max) != napi_ok || napi_get_value_double(env, argv[8], &k2max) != napi_ok ||
      !get_u8(env, argv[9], &out, &out_len) || !get_i32(env, argv[10], &out_starts, &cap_s) || !get_i32(env, argv[11], &out_ends, &cap_e) ||
      !get_i32(env, argv[12], &res, &res_len) || res_len < 8 || to > buf_len || from > to || prev_id_len > prev_len) {
    napi_throw_error(env, NULL, "ssj_native.scanChunk: bad arguments");
    return NULL;
  }
  size_t cap = cap_s < cap_e ? cap_s : cap_e;
  if (out_len / 32 < cap) {
    cap = out_len / 32;
  }
  const int with_units = flags & 1;
  int all = !(k1max < 1e10);
  uint64_t m1 = all ? 0 : (uint64_t)k1max, m2 = all ? 0 : (uint64_t)(k2max < 1e9 ? k2max : 999999999.0);
  const uint8_t *p_line = (flags & 4) ? prev : NULL;
  size_t p_len = prev_len, p_id = prev_id_len;
  int32_t lines = 0, kept = 0, issue = ISSUE_NONE;
  size_t s = from;
  int32_t last_s = -1, last_e = -1, last_id = -1;
  uint8_t d[32];
  const SHA256_CTX *mid = &g_mid.mid;
  while (s < to && (size_t)kept < cap) {
    const uint8_t *nlp = memchr(buf + s, '\n', to - s);
    if (nlp == NULL) {
      break;
    }
    size_t nl = (size_t)(nlp - buf);
    lines++;
    const uint8_t *line = buf + s;
    size_t len = nl - s;
    if (len == 0) {
      issue = ISSUE_EMPTY_LINE;
      break;
    }
    if ((flags & 2) && lines == 1 && len >= 3 && line[0] == 0xef && line[1] == 0xbb && line[2] == 0xbf) {
      issue = ISSUE_BOM;
      break;
    }
    long tab = -1;
    for (size_t i = 0; i < len; i++) {
      uint8_t c = line[i];
      if (c == 13) {
        issue = ISSUE_CR;
        break;
      }
      if (c == 9) {
        if (tab >= 0) {
          issue = ISSUE_EXTRA_TAB;
          break;
        }
        tab = (long)i;
      }
    }
    if (issue != ISSUE_NONE) {
      break;
    }
    size_t id_len = tab >= 0 ? (size_t)tab : len;
    if (id_len == 0) {
      issue = ISSUE_EMPTY_ID;
      break;
    }
    if (tab >= 0 && (size_t)tab == len - 1) {
      issue = ISSUE_EMPTY_UNIT;
      break;
    }
    if (with_units && tab < 0) {
      issue = ISSUE_UNIT_MISSING;
      break;
    }
    if (!with_units && tab >= 0) {
      issue = ISSUE_UNIT_UNEXPECTED;
      break;
    }
    if (p_line != NULL) {
      if (p_id == id_len && memcmp(p_line, line, id_len) == 0) {
        issue = ISSUE_DUPLICATE;
        break;
      }
      if (cmp_bytes(p_line, p_len, line, len) > 0) {
        issue = ISSUE_OUT_OF_ORDER;
        break;
      }
    }
    hash_one(mid, line, id_len, d);
    int keep = all;
    if (!keep) {
      uint64_t k1, k2;
      sort_key(d, &k1, &k2);
      keep = k1 < m1 || (k1 == m1 && k2 <= m2);
    }
    if (keep) {
      memcpy(out + 32 * (size_t)kept, d, 32);
      out_starts[kept] = (int32_t)s;
      out_ends[kept] = (int32_t)(s + id_len);
      kept++;
    }
    p_line = line;
    p_len = len;
    p_id = id_len;
    last_s = (int32_t)s;
    last_e = (int32_t)nl;
    last_id = (int32_t)(s + id_len);
    s = nl + 1;
  }
  res[0] = issue == ISSUE_NONE ? lines : lines - 1;
  res[1] = (int32_t)s;
  res[2] = kept;
  res[3] = issue;
  res[4] = lines;
  res[5] = last_s;
  res[6] = last_e;
  res[7] = last_id;
  return NULL;
}

int ssj_register_scanner(napi_env env, napi_value exports);

static napi_value init(napi_env env, napi_value exports) {
  init_tables();
  if (!ssj_register_scanner(env, exports)) {
    return NULL;
  }
  napi_property_descriptor props[] = {
      {"hashLines", NULL, hash_lines, NULL, NULL, NULL, napi_default, NULL},
      {"filterLines", NULL, filter_lines, NULL, NULL, NULL, napi_default, NULL},
      {"scanChunk", NULL, scan_chunk, NULL, NULL, NULL, napi_default, NULL},
      {"keyLines", NULL, key_lines, NULL, NULL, NULL, napi_default, NULL},
  };
  CHECK(napi_define_properties(env, exports, sizeof props / sizeof props[0], props));
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
