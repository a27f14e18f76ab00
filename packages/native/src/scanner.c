/*
 * scanner: the whole inner loop of `ssj draw` in C (spec §2-§4), so JS only hands over buffers.
 *
 *   scannerCreate(prefixHex64, k, flags) -> handle
 *     flags: 1 lines carry a UNIT, 2 the first line decides (stdin), 4 the data starts the file (BOM)
 *   scannerFeed(handle, buf, from, to, res: Float64Array(4))
 *     checks and draws every complete line of buf[from, to): newline search (memchr), the §4 line
 *     rules, UTF-8, order and duplicates against the previous line (kept across calls), the midstate
 *     SHA-256 (SHA-NI when the CPU has it, else OpenSSL's SHA256_Transform) and a bounded buffer
 *     of the k best tickets (selection, see below). res = [offset after the consumed lines, issue code, issue line, start
 *     of the issue's line]. Lines are counted across calls.
 *   scannerEdges(handle) -> [firstLine, firstIdLength, lastLine, lastIdLength, lines] (for ranges)
 *   scannerWinners(handle, formatted) -> Buffer
 *     the kept entries in ascending ticket order: formatted ? "TICKET ID\n" lines : packed records
 *     (u32le id length, 32 digest bytes, id bytes) that scannerOffer accepts.
 *   scannerOffer(handle, packed) offers packed records (merging the heaps of parallel ranges).
 *
 * Order: a 19-digit key (ticket digits 1-19 = x mod 10^19 read from the units up) decides almost
 * every comparison; a first 9-digit key (x mod 10^9, 64-bit arithmetic) rejects almost every line
 * once the heap is full. Only equal keys build the full ticket strings; then ids in byte order.
 */
#include <node_api.h>
#include <openssl/sha.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "sha256_ni.h"

#define P10_9 1000000000ull
#define P10_10 10000000000ull
#define P10_19 10000000000000000000ull

enum {
  SC_NONE = 0,
  SC_EMPTY_LINE,
  SC_CR,
  SC_EXTRA_TAB,
  SC_BOM,
  SC_EMPTY_ID,
  SC_EMPTY_UNIT,
  SC_UNIT_MISSING,
  SC_UNIT_UNEXPECTED,
  SC_DUPLICATE,
  SC_OUT_OF_ORDER,
  SC_INVALID_UTF8
};

typedef struct {
  uint64_t key;
  uint8_t d[32];
  uint32_t len;
  uint8_t *id; /* points into inl or to malloc'd bytes */
  uint8_t inl[24];
} slot_t;

typedef struct {
  uint64_t key;
  uint32_t slot;
} hnode_t;

typedef struct {
  uint32_t mid[8];
  SHA256_CTX mid_ctx;
  int use_ni;
  uint64_t k, n, cap; /* keep k; n candidates in heap[0..n), at most cap */
  slot_t *slots;
  hnode_t *heap;
  uint32_t *free_slots;
  uint64_t nfree;
  int have_thr; /* the threshold: the k-th best after the last selection */
  uint64_t thr_key;
  uint8_t thr_d[32];
  uint8_t *thr_id;
  size_t thr_len, thr_cap;
  uint64_t bound9; /* first 9 ticket digits of the root, when full */
  uint64_t bound2; /* its first 2 digits */
  int with_units, units_known, file_start;
  uint64_t lines;
  uint8_t *prev;
  size_t prev_len, prev_id, prev_cap;
  int has_prev;
  uint8_t *first;
  size_t first_len, first_id, first_cap;
  int has_first;
} scanner_t;

static uint16_t g_rev4[10000];
static uint64_t g_p9[8]; /* 2^(32(7-i)) mod 10^9: the weight of digest word i */
static uint64_t g_p2[8]; /* the same mod 100 */
static uint8_t g_rev2s[100];
static int g_ni = -1;

static void init_scanner_tables(void) {
  uint64_t p = 1;
  for (int i = 7; i >= 0; i--) {
    g_p9[i] = p;
    g_p2[i] = p % 100;
    p = (p << 32) % P10_9;
  }
  for (int i = 0; i < 100; i++) {
    g_rev2s[i] = (uint8_t)((i % 10) * 10 + i / 10);
  }
  for (int i = 0; i < 10000; i++) {
    g_rev4[i] = (uint16_t)((i % 10) * 1000 + (i / 10 % 10) * 100 + (i / 100 % 10) * 10 + i / 1000);
  }
  g_ni = sha_ni_available();
}

/* ---------- hashing ---------- */

static inline void hash_id(const scanner_t *s, const uint8_t *id, size_t n, uint32_t h[8]) {
  if (n <= 55) {
    uint8_t block[64];
    memcpy(block, id, n);
    block[n] = 0x80;
    memset(block + n + 1, 0, 62 - (n + 1));
    uint32_t bits = (uint32_t)(64 + n) * 8;
    block[62] = (uint8_t)(bits >> 8);
    block[63] = (uint8_t)bits;
    if (s->use_ni) {
      memcpy(h, s->mid, 32);
      sha256_ni_block(h, block);
    } else {
      SHA256_CTX c = s->mid_ctx;
      SHA256_Transform(&c, block);
      memcpy(h, c.h, 32);
    }
  } else {
    SHA256_CTX c = s->mid_ctx;
    uint8_t out[32];
    SHA256_Update(&c, id, n);
    SHA256_Final(out, &c);
    for (int i = 0; i < 8; i++) {
      h[i] = ((uint32_t)out[4 * i] << 24) | ((uint32_t)out[4 * i + 1] << 16) | ((uint32_t)out[4 * i + 2] << 8) | out[4 * i + 3];
    }
  }
}

static inline void words_to_bytes(const uint32_t h[8], uint8_t *out) {
  for (int i = 0; i < 8; i++) {
    out[4 * i] = (uint8_t)(h[i] >> 24);
    out[4 * i + 1] = (uint8_t)(h[i] >> 16);
    out[4 * i + 2] = (uint8_t)(h[i] >> 8);
    out[4 * i + 3] = (uint8_t)h[i];
  }
}

/* ---------- keys and tickets ---------- */

static inline uint64_t rev9(uint64_t r) { /* r < 10^9: its 9 digits reversed */
  uint64_t a = r % 10000, b = r / 10000 % 10000, c = r / 100000000;
  return (uint64_t)g_rev4[a] * 100000 + (uint64_t)g_rev4[b] * 10 + c;
}

static inline uint64_t rev10(uint64_t r) { /* r < 10^10 */
  uint64_t a = r % 10000, b = r / 10000 % 10000, c = r / 100000000;
  return (uint64_t)g_rev4[a] * 1000000 + (uint64_t)g_rev4[b] * 100 + (c % 10) * 10 + c / 10;
}

/* ticket digits 1-9: x mod 10^9 from the units up */
static inline uint64_t key9(const uint32_t h[8]) {
  /* each product < 2^32 * 10^9, so four of them fit in 64 bits; two independent sums */
  uint64_t a = h[0] * g_p9[0] + h[1] * g_p9[1] + h[2] * g_p9[2] + h[3] * g_p9[3];
  uint64_t b = h[4] * g_p9[4] + h[5] * g_p9[5] + h[6] * g_p9[6] + h[7] * g_p9[7];
  return rev9((a % P10_9 + b % P10_9) % P10_9);
}

/* ticket digits 1-2: x mod 100 from the units up (eight small products, one reduction) */
static inline uint64_t key2(const uint32_t h[8]) {
  uint64_t a = 0;
  for (int i = 0; i < 8; i++) {
    a += h[i] * g_p2[i];
  }
  return g_rev2s[a % 100];
}

/* ticket digits 1-19 as one number */
static inline uint64_t key19(const uint32_t h[8]) {
  unsigned __int128 r = 0;
  for (int i = 0; i < 8; i++) {
    r = ((r << 32) | h[i]) % P10_19;
  }
  uint64_t x = (uint64_t)r;
  return rev10(x % P10_10) * P10_9 + rev9(x / P10_10);
}

/* the ticket's digits (without "0."), spec §2: x's decimal digits from the units up, padded to 64 */
static size_t ticket_digits(const uint8_t d[32], char *out /* >= 80 */) {
  uint64_t limb[4];
  for (int i = 0; i < 4; i++) {
    uint64_t v = 0;
    for (int j = 0; j < 8; j++) {
      v = (v << 8) | d[8 * i + j];
    }
    limb[i] = v; /* limb[0] most significant */
  }
  size_t n = 0;
  for (;;) {
    int zero = limb[0] == 0 && limb[1] == 0 && limb[2] == 0 && limb[3] == 0;
    if (zero) {
      break;
    }
    unsigned __int128 rem = 0;
    for (int i = 0; i < 4; i++) {
      unsigned __int128 cur = (rem << 64) | limb[i];
      limb[i] = (uint64_t)(cur / P10_19);
      rem = cur % P10_19;
    }
    uint64_t chunk = (uint64_t)rem;
    int last = limb[0] == 0 && limb[1] == 0 && limb[2] == 0 && limb[3] == 0;
    for (int j = 0; j < 19; j++) {
      if (last && chunk == 0) {
        break;
      }
      out[n++] = (char)('0' + chunk % 10);
      chunk /= 10;
    }
  }
  while (n < 64) {
    out[n++] = '0';
  }
  return n;
}

static int cmp_bytes(const uint8_t *a, size_t al, const uint8_t *b, size_t bl) {
  int c = memcmp(a, b, al < bl ? al : bl);
  if (c != 0) {
    return c;
  }
  return al < bl ? -1 : al > bl ? 1 : 0;
}

/* spec §2 order: ticket, then id in UTF-8 byte order */
static int cmp_full(uint64_t ka, const uint8_t *da, const uint8_t *ida, size_t la, uint64_t kb, const uint8_t *db, const uint8_t *idb, size_t lb) {
  if (ka != kb) {
    return ka < kb ? -1 : 1;
  }
  if (memcmp(da, db, 32) != 0) {
    char ta[80], tb[80];
    size_t na = ticket_digits(da, ta), nb = ticket_digits(db, tb);
    int c = cmp_bytes((const uint8_t *)ta, na, (const uint8_t *)tb, nb);
    if (c != 0) {
      return c;
    }
  }
  return cmp_bytes(ida, la, idb, lb);
}

/* ---------- the k best: a buffer with a threshold ----------
 * Candidates better than the threshold are appended; when the buffer is full, a selection
 * (quickselect) keeps the k best and their worst becomes the new threshold. Sequential memory and
 * amortised O(1) per candidate, where a max-heap of 1.9 M entries misses the cache on every level. */

static inline int node_cmp(const scanner_t *s, hnode_t a, hnode_t b) {
  if (a.key != b.key) {
    return a.key < b.key ? -1 : 1;
  }
  const slot_t *x = &s->slots[a.slot], *y = &s->slots[b.slot];
  return cmp_full(a.key, x->d, x->id, x->len, b.key, y->d, y->id, y->len);
}

/* a[kth] becomes the (kth+1)-th smallest, with every smaller one before it */
static void select_nth(const scanner_t *s, hnode_t *a, long n, long kth) {
  long lo = 0, hi = n - 1;
  while (hi > lo) {
    long mid = lo + (hi - lo) / 2;
    hnode_t t;
#define SWAP(x, y) (t = a[x], a[x] = a[y], a[y] = t)
    if (node_cmp(s, a[mid], a[lo]) < 0) {
      SWAP(mid, lo);
    }
    if (node_cmp(s, a[hi], a[lo]) < 0) {
      SWAP(hi, lo);
    }
    if (node_cmp(s, a[hi], a[mid]) < 0) {
      SWAP(hi, mid);
    }
    hnode_t pivot = a[mid];
    long i = lo, j = hi;
    while (i <= j) {
      while (node_cmp(s, a[i], pivot) < 0) {
        i++;
      }
      while (node_cmp(s, a[j], pivot) > 0) {
        j--;
      }
      if (i <= j) {
        SWAP(i, j);
        i++;
        j--;
      }
    }
#undef SWAP
    if (kth <= j) {
      hi = j;
    } else if (kth >= i) {
      lo = i;
    } else {
      return;
    }
  }
}

static int slot_set(slot_t *sl, uint64_t key, const uint8_t d[32], const uint8_t *id, size_t len) {
  if (sl->id != NULL && sl->id != sl->inl) {
    free(sl->id);
  }
  if (len <= sizeof sl->inl) {
    sl->id = sl->inl;
  } else {
    sl->id = malloc(len);
    if (sl->id == NULL) {
      return 0;
    }
  }
  memcpy(sl->id, id, len);
  sl->len = (uint32_t)len;
  sl->key = key;
  memcpy(sl->d, d, 32);
  return 1;
}

static int keep_bytes(uint8_t **dst, size_t *cap, size_t *len, const uint8_t *src, size_t n);

/* keep the k best of the buffer and raise the threshold */
static int compact(scanner_t *s) {
  select_nth(s, s->heap, (long)s->n, (long)s->k - 1);
  for (uint64_t i = s->k; i < s->n; i++) {
    s->free_slots[s->nfree++] = s->heap[i].slot;
  }
  s->n = s->k;
  hnode_t t = s->heap[s->k - 1];
  const slot_t *ts = &s->slots[t.slot];
  s->thr_key = t.key;
  memcpy(s->thr_d, ts->d, 32);
  if (!keep_bytes(&s->thr_id, &s->thr_cap, &s->thr_len, ts->id, ts->len)) {
    return 0;
  }
  s->have_thr = 1;
  s->bound9 = t.key / P10_10;
  s->bound2 = s->bound9 / 10000000;
  return 1;
}

/* offer an entry whose 19-digit key is known */
static int heap_offer(scanner_t *s, uint64_t key, const uint8_t d[32], const uint8_t *id, size_t len) {
  if (s->k == 0) {
    return 1;
  }
  if (s->have_thr && cmp_full(key, d, id, len, s->thr_key, s->thr_d, s->thr_id, s->thr_len) >= 0) {
    return 1;
  }
  uint32_t slot = s->free_slots[--s->nfree];
  if (!slot_set(&s->slots[slot], key, d, id, len)) {
    s->nfree++;
    return 0;
  }
  s->heap[s->n].key = key;
  s->heap[s->n].slot = slot;
  s->n++;
  return s->n == s->cap ? compact(s) : 1;
}

/* offer a hashed line if it can enter the heap */
static inline int offer_hashed(scanner_t *s, const uint32_t h[8], const uint8_t *id, size_t len) {
  if (s->have_thr) {
    uint64_t k2 = key2(h); /* most lines stop here */
    if (k2 > s->bound2 || (k2 == s->bound2 && key9(h) > s->bound9)) {
      return 1;
    }
  }
  {
    uint8_t d[32];
    words_to_bytes(h, d);
    return heap_offer(s, key19(h), d, id, len);
  }
}

static inline void make_block(uint8_t block[64], const uint8_t *id, size_t n) {
  memcpy(block, id, n);
  block[n] = 0x80;
  memset(block + n + 1, 0, 62 - (n + 1));
  uint32_t bits = (uint32_t)(64 + n) * 8;
  block[62] = (uint8_t)(bits >> 8);
  block[63] = (uint8_t)bits;
}

/* hash two lines (interleaved on SHA-NI) and offer both */
static int hash_pair(scanner_t *s, const uint8_t *a, size_t al, const uint8_t *b, size_t bl) {
  uint32_t ha[8], hb[8];
  if (s->use_ni && al <= 55 && bl <= 55) {
    uint8_t ba[64], bb[64];
    make_block(ba, a, al);
    make_block(bb, b, bl);
    memcpy(ha, s->mid, 32);
    memcpy(hb, s->mid, 32);
    sha256_ni_x2(ha, ba, hb, bb);
  } else {
    hash_id(s, a, al, ha);
    hash_id(s, b, bl, hb);
  }
  return offer_hashed(s, ha, a, al) && offer_hashed(s, hb, b, bl);
}

/* ---------- line rules ---------- */

static int utf8_valid(const uint8_t *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    uint8_t c = p[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t need;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      cp = c & 0x07;
    } else {
      return 0;
    }
    if (i + need >= n) {
      return 0;
    }
    for (size_t j = 1; j <= need; j++) {
      uint8_t t = p[i + j];
      if ((t & 0xC0) != 0x80) {
        return 0;
      }
      cp = (cp << 6) | (t & 0x3F);
    }
    if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return 0;
    }
    i += need + 1;
  }
  return 1;
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* checks the line's bytes: CR, TAB count and position, UTF-8. Returns an issue code or 0. */
static inline int check_bytes(const uint8_t *line, size_t len, long *tab_out) {
  size_t i = 0;
  int clean = 1;
  for (; i + 8 <= len; i += 8) {
    uint64_t x;
    memcpy(&x, line + i, 8);
    /* a byte < 14 (TAB 9, CR 13), or a byte >= 0x80 */
    if ((((x - ONES * 14) & ~x) | x) & HIGHS) {
      clean = 0;
      break;
    }
  }
  if (clean) {
    for (; i < len; i++) {
      if (line[i] < 14 || line[i] >= 0x80) {
        clean = 0;
        break;
      }
    }
  }
  if (clean) {
    *tab_out = -1;
    return SC_NONE;
  }
  long tab = -1;
  int high = 0;
  for (size_t j = 0; j < len; j++) {
    uint8_t c = line[j];
    if (c == 13) {
      return SC_CR;
    }
    if (c == 9) {
      if (tab >= 0) {
        return SC_EXTRA_TAB;
      }
      tab = (long)j;
    }
    high |= c >= 0x80;
  }
  *tab_out = tab;
  if (high && !utf8_valid(line, len)) {
    return -SC_INVALID_UTF8; /* reported after the BOM check, as the JS loop does */
  }
  return SC_NONE;
}

static int keep_bytes(uint8_t **dst, size_t *cap, size_t *len, const uint8_t *src, size_t n) {
  if (*cap < n) {
    size_t c = n < 64 ? 64 : n * 2;
    uint8_t *p = realloc(*dst, c);
    if (p == NULL) {
      return 0;
    }
    *dst = p;
    *cap = c;
  }
  memcpy(*dst, src, n);
  *len = n;
  return 1;
}

/* feed: returns 0 on allocation failure */
static int scan(scanner_t *s, const uint8_t *buf, size_t from, size_t to, double res[4]) {
  size_t p = from;
  const uint8_t *pl = s->has_prev ? s->prev : NULL;
  size_t pl_len = s->prev_len, pl_id = s->prev_id;
  int issue = SC_NONE;
  size_t issue_at = 0;
  const uint8_t *pend = NULL; /* a checked line waiting for a partner to hash with */
  size_t pend_len = 0;
  while (p < to) {
    const uint8_t *nlp = memchr(buf + p, '\n', to - p);
    if (nlp == NULL) {
      break;
    }
    const uint8_t *line = buf + p;
    size_t len = (size_t)(nlp - line);
    s->lines++;
    issue_at = p;
    if (len == 0) {
      issue = SC_EMPTY_LINE;
      break;
    }
    long tab;
    int b = check_bytes(line, len, &tab);
    if (b > 0) {
      issue = b;
      break;
    }
    if (s->lines == 1 && s->file_start && len >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF) {
      issue = SC_BOM;
      break;
    }
    if (b < 0) {
      issue = -b;
      break;
    }
    size_t id_len = tab >= 0 ? (size_t)tab : len;
    if (id_len == 0) {
      issue = SC_EMPTY_ID;
      break;
    }
    if (tab >= 0 && (size_t)tab == len - 1) {
      issue = SC_EMPTY_UNIT;
      break;
    }
    if (!s->units_known) {
      s->with_units = tab >= 0;
      s->units_known = 1;
    }
    if (s->with_units != (tab >= 0)) {
      issue = s->with_units ? SC_UNIT_MISSING : SC_UNIT_UNEXPECTED;
      break;
    }
    if (pl != NULL) {
      if (pl_id == id_len && memcmp(pl, line, id_len) == 0) {
        issue = SC_DUPLICATE;
        break;
      }
      if (cmp_bytes(pl, pl_len, line, len) > 0) {
        issue = SC_OUT_OF_ORDER;
        break;
      }
    } else if (!s->has_first) {
      if (!keep_bytes(&s->first, &s->first_cap, &s->first_len, line, len)) {
        return 0;
      }
      s->first_len = len;
      s->first_id = id_len;
      s->has_first = 1;
    }
    if (s->k > 0) {
      if (pend == NULL) {
        pend = line;
        pend_len = id_len;
      } else {
        if (!hash_pair(s, pend, pend_len, line, id_len)) {
          return 0;
        }
        pend = NULL;
      }
    }
    pl = line;
    pl_len = len;
    pl_id = id_len;
    p = (size_t)(nlp - buf) + 1;
  }
  if (pend != NULL) {
    uint32_t h[8];
    hash_id(s, pend, pend_len, h);
    if (!offer_hashed(s, h, pend, pend_len)) {
      return 0;
    }
  }
  if (pl != NULL && pl != s->prev) {
    if (!keep_bytes(&s->prev, &s->prev_cap, &s->prev_len, pl, pl_len)) {
      return 0;
    }
    s->prev_id = pl_id;
    s->has_prev = 1;
  }
  res[0] = (double)p;
  res[1] = issue;
  res[2] = (double)s->lines;
  res[3] = (double)issue_at;
  return 1;
}

/* ---------- N-API ---------- */

static void scanner_free(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  scanner_t *s = data;
  if (s == NULL) {
    return;
  }
  if (s->slots != NULL) {
    for (uint64_t i = 0; i < s->cap; i++) {
      if (s->slots[i].id != NULL && s->slots[i].id != s->slots[i].inl) {
        free(s->slots[i].id);
      }
    }
  }
  free(s->slots);
  free(s->heap);
  free(s->free_slots);
  free(s->thr_id);
  free(s->prev);
  free(s->first);
  free(s);
}

static scanner_t *get_scanner(napi_env env, napi_value v) {
  void *p = NULL;
  if (napi_get_value_external(env, v, &p) != napi_ok) {
    return NULL;
  }
  return p;
}

static int arg_u8(napi_env env, napi_value v, uint8_t **data, size_t *len) {
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

static napi_value fail(napi_env env, const char *msg) {
  napi_throw_error(env, NULL, msg);
  return NULL;
}

static napi_value scanner_create(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  char prefix[65];
  size_t plen = 0;
  double kd;
  uint32_t flags;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 3 ||
      napi_get_value_string_latin1(env, argv[0], prefix, sizeof prefix, &plen) != napi_ok || plen != 64 ||
      napi_get_value_double(env, argv[1], &kd) != napi_ok || !(kd >= 0 && kd < 4294967295.0) ||
      napi_get_value_uint32(env, argv[2], &flags) != napi_ok) {
    return fail(env, "ssj_native.scannerCreate: bad arguments");
  }
  scanner_t *s = calloc(1, sizeof *s);
  if (s == NULL) {
    return fail(env, "ssj_native.scannerCreate: out of memory");
  }
  s->k = (uint64_t)kd;
  if (s->k > 0) {
    s->cap = s->k + s->k / 2 + 16;
    s->slots = calloc(s->cap, sizeof *s->slots);
    s->heap = calloc(s->cap, sizeof *s->heap);
    s->free_slots = malloc(s->cap * sizeof *s->free_slots);
    if (s->slots == NULL || s->heap == NULL || s->free_slots == NULL) {
      scanner_free(env, s, NULL);
      return fail(env, "ssj_native.scannerCreate: out of memory");
    }
    for (uint64_t i = 0; i < s->cap; i++) {
      s->free_slots[i] = (uint32_t)(s->cap - 1 - i);
    }
    s->nfree = s->cap;
  }
  SHA256_Init(&s->mid_ctx);
  SHA256_Update(&s->mid_ctx, prefix, 64);
  memcpy(s->mid, s->mid_ctx.h, 32);
  s->use_ni = g_ni == 1 && getenv("SSJ_NO_SHA_NI") == NULL;
  s->with_units = flags & 1;
  s->units_known = !(flags & 2);
  s->file_start = (flags & 4) != 0;
  napi_value ext;
  if (napi_create_external(env, s, scanner_free, NULL, &ext) != napi_ok) {
    scanner_free(env, s, NULL);
    return fail(env, "ssj_native.scannerCreate: failed");
  }
  return ext;
}

static napi_value scanner_feed(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  uint8_t *buf;
  size_t len, rlen;
  double from, to;
  napi_typedarray_type t;
  void *rp;
  napi_value ab;
  size_t off;
  scanner_t *s;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 5 || (s = get_scanner(env, argv[0])) == NULL ||
      !arg_u8(env, argv[1], &buf, &len) || napi_get_value_double(env, argv[2], &from) != napi_ok ||
      napi_get_value_double(env, argv[3], &to) != napi_ok || !(from >= 0 && from <= to && to <= (double)len) ||
      napi_get_typedarray_info(env, argv[4], &t, &rlen, &rp, &ab, &off) != napi_ok || t != napi_float64_array || rlen < 4) {
    return fail(env, "ssj_native.scannerFeed: bad arguments");
  }
  if (!scan(s, buf, (size_t)from, (size_t)to, rp)) {
    return fail(env, "ssj_native.scannerFeed: out of memory");
  }
  return NULL;
}

static napi_value make_buffer(napi_env env, const uint8_t *p, size_t n) {
  napi_value b;
  void *data;
  if (napi_create_buffer(env, n, &data, &b) != napi_ok) {
    return NULL;
  }
  if (n > 0) {
    memcpy(data, p, n);
  }
  return b;
}

static napi_value scanner_edges(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], arr, v, nul;
  scanner_t *s;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 || (s = get_scanner(env, argv[0])) == NULL) {
    return fail(env, "ssj_native.scannerEdges: bad arguments");
  }
  napi_get_null(env, &nul);
  napi_create_array_with_length(env, 5, &arr);
  napi_set_element(env, arr, 0, s->has_first ? make_buffer(env, s->first, s->first_len) : nul);
  napi_create_double(env, (double)s->first_id, &v);
  napi_set_element(env, arr, 1, v);
  napi_set_element(env, arr, 2, s->has_prev ? make_buffer(env, s->prev, s->prev_len) : nul);
  napi_create_double(env, (double)s->prev_id, &v);
  napi_set_element(env, arr, 3, v);
  napi_create_double(env, (double)s->lines, &v);
  napi_set_element(env, arr, 4, v);
  return arr;
}

static const scanner_t *g_sort_ctx;
static int cmp_nodes(const void *a, const void *b) {
  const hnode_t *x = a, *y = b;
  const slot_t *p = &g_sort_ctx->slots[x->slot], *q = &g_sort_ctx->slots[y->slot];
  return cmp_full(x->key, p->d, p->id, p->len, y->key, q->d, q->id, q->len);
}

static napi_value scanner_winners(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  bool formatted;
  scanner_t *s;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2 || (s = get_scanner(env, argv[0])) == NULL ||
      napi_get_value_bool(env, argv[1], &formatted) != napi_ok) {
    return fail(env, "ssj_native.scannerWinners: bad arguments");
  }
  hnode_t *order = malloc((s->n + 1) * sizeof *order);
  if (order == NULL) {
    return fail(env, "ssj_native.scannerWinners: out of memory");
  }
  memcpy(order, s->heap, s->n * sizeof *order);
  g_sort_ctx = s;
  qsort(order, s->n, sizeof *order, cmp_nodes);
  uint64_t m = s->n < s->k ? s->n : s->k;
  size_t total = 0;
  for (uint64_t i = 0; i < m; i++) {
    total += s->slots[order[i].slot].len + (formatted ? 82 + 2 : 36);
  }
  napi_value b;
  uint8_t *out;
  if (napi_create_buffer(env, total, (void **)&out, &b) != napi_ok) {
    free(order);
    return fail(env, "ssj_native.scannerWinners: out of memory");
  }
  size_t w = 0;
  for (uint64_t i = 0; i < m; i++) {
    const slot_t *sl = &s->slots[order[i].slot];
    if (formatted) {
      out[w++] = '0';
      out[w++] = '.';
      w += ticket_digits(sl->d, (char *)out + w);
      out[w++] = ' ';
      memcpy(out + w, sl->id, sl->len);
      w += sl->len;
      out[w++] = '\n';
    } else {
      uint32_t l = sl->len;
      out[w++] = (uint8_t)l;
      out[w++] = (uint8_t)(l >> 8);
      out[w++] = (uint8_t)(l >> 16);
      out[w++] = (uint8_t)(l >> 24);
      memcpy(out + w, sl->d, 32);
      w += 32;
      memcpy(out + w, sl->id, l);
      w += l;
    }
  }
  free(order);
  napi_value sub = b;
  if (w < total) {
    /* the formatted lines are at most this long: hand back the used part */
    napi_value fn, args[2];
    napi_get_named_property(env, b, "subarray", &fn);
    napi_create_double(env, 0, &args[0]);
    napi_create_double(env, (double)w, &args[1]);
    if (napi_call_function(env, b, fn, 2, args, &sub) != napi_ok) {
      return fail(env, "ssj_native.scannerWinners: subarray failed");
    }
  }
  return sub;
}

static napi_value scanner_offer(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  uint8_t *p;
  size_t n;
  scanner_t *s;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2 || (s = get_scanner(env, argv[0])) == NULL ||
      !arg_u8(env, argv[1], &p, &n)) {
    return fail(env, "ssj_native.scannerOffer: bad arguments");
  }
  size_t i = 0;
  while (i + 36 <= n) {
    uint32_t l = (uint32_t)p[i] | ((uint32_t)p[i + 1] << 8) | ((uint32_t)p[i + 2] << 16) | ((uint32_t)p[i + 3] << 24);
    if (i + 36 + l > n) {
      return fail(env, "ssj_native.scannerOffer: truncated record");
    }
    const uint8_t *d = p + i + 4;
    uint32_t h[8];
    for (int j = 0; j < 8; j++) {
      h[j] = ((uint32_t)d[4 * j] << 24) | ((uint32_t)d[4 * j + 1] << 16) | ((uint32_t)d[4 * j + 2] << 8) | d[4 * j + 3];
    }
    if (!heap_offer(s, key19(h), d, p + i + 36, l)) {
      return fail(env, "ssj_native.scannerOffer: out of memory");
    }
    i += 36 + l;
  }
  return NULL;
}

static napi_value scanner_info(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value r;
  napi_create_string_utf8(env, g_ni == 1 && getenv("SSJ_NO_SHA_NI") == NULL ? "sha-ni" : "openssl", NAPI_AUTO_LENGTH, &r);
  return r;
}

/** Registers the scanner functions on exports. */
int ssj_register_scanner(napi_env env, napi_value exports) {
  init_scanner_tables();
  napi_property_descriptor props[] = {
      {"scannerCreate", NULL, scanner_create, NULL, NULL, NULL, napi_default, NULL},
      {"scannerFeed", NULL, scanner_feed, NULL, NULL, NULL, napi_default, NULL},
      {"scannerEdges", NULL, scanner_edges, NULL, NULL, NULL, napi_default, NULL},
      {"scannerWinners", NULL, scanner_winners, NULL, NULL, NULL, napi_default, NULL},
      {"scannerOffer", NULL, scanner_offer, NULL, NULL, NULL, napi_default, NULL},
      {"shaEngine", NULL, scanner_info, NULL, NULL, NULL, napi_default, NULL},
  };
  return napi_define_properties(env, exports, sizeof props / sizeof props[0], props) == napi_ok;
}
