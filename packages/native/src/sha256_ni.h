/*
 * One SHA-256 compression with the x86 SHA extensions (SHA-NI), chosen at run time: sha_ni_available()
 * asks CPUID; callers fall back to OpenSSL's SHA256_Transform when it says no. The round sequence is
 * the well-known public-domain one (Intel's white paper, as written out by Jeffrey Walton).
 */
#ifndef SSJ_SHA256_NI_H
#define SSJ_SHA256_NI_H
#include <stdint.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define SSJ_HAVE_SHA_NI_CODE 1

static int sha_ni_available(void) {
  unsigned a, b, c, d;
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
    return 0;
  }
  int sha = (b >> 29) & 1;
  if (!__get_cpuid(1, &a, &b, &c, &d)) {
    return 0;
  }
  int sse41 = (c >> 19) & 1, ssse3 = (c >> 9) & 1;
  return sha && sse41 && ssse3;
}

static const uint32_t SSJ_K256[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
    0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
    0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
    0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
    0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
    0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define SSJ_K(i) _mm_load_si128((const __m128i *)&SSJ_K256[4 * (i)])
/* four rounds on W = cur; then next += alignr(cur, prev) and msg2; prev = msg1(prev, cur) */
#define SSJ_QR(cur, i)                                                                                                          \
  MSG = _mm_add_epi32(cur, SSJ_K(i));                                                                                           \
  STATE1 = _mm_sha256rnds2_epu32(STATE1, STATE0, MSG);                                                                          \
  MSG = _mm_shuffle_epi32(MSG, 0x0E);                                                                                           \
  STATE0 = _mm_sha256rnds2_epu32(STATE0, STATE1, MSG)
#define SSJ_QR_FULL(cur, next, prev, i)                                                                                         \
  MSG = _mm_add_epi32(cur, SSJ_K(i));                                                                                           \
  STATE1 = _mm_sha256rnds2_epu32(STATE1, STATE0, MSG);                                                                          \
  TMP = _mm_alignr_epi8(cur, prev, 4);                                                                                          \
  next = _mm_add_epi32(next, TMP);                                                                                              \
  next = _mm_sha256msg2_epu32(next, cur);                                                                                       \
  MSG = _mm_shuffle_epi32(MSG, 0x0E);                                                                                           \
  STATE0 = _mm_sha256rnds2_epu32(STATE0, STATE1, MSG);                                                                          \
  prev = _mm_sha256msg1_epu32(prev, cur)

/* state (H0..H7, host order) = compress(state, block) */
__attribute__((target("sha,sse4.1,ssse3"))) static void sha256_ni_block(uint32_t state[8], const uint8_t *data) {
  __m128i STATE0, STATE1, MSG, TMP, MSG0, MSG1, MSG2, MSG3, ABEF_SAVE, CDGH_SAVE;
  const __m128i MASK = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  TMP = _mm_loadu_si128((const __m128i *)&state[0]);
  STATE1 = _mm_loadu_si128((const __m128i *)&state[4]);
  TMP = _mm_shuffle_epi32(TMP, 0xB1);
  STATE1 = _mm_shuffle_epi32(STATE1, 0x1B);
  STATE0 = _mm_alignr_epi8(TMP, STATE1, 8);
  STATE1 = _mm_blend_epi16(STATE1, TMP, 0xF0);
  ABEF_SAVE = STATE0;
  CDGH_SAVE = STATE1;

  MSG0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), MASK);
  SSJ_QR(MSG0, 0);
  MSG1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), MASK);
  SSJ_QR(MSG1, 1);
  MSG0 = _mm_sha256msg1_epu32(MSG0, MSG1);
  MSG2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), MASK);
  SSJ_QR(MSG2, 2);
  MSG1 = _mm_sha256msg1_epu32(MSG1, MSG2);
  MSG3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), MASK);
  SSJ_QR_FULL(MSG3, MSG0, MSG2, 3);
  SSJ_QR_FULL(MSG0, MSG1, MSG3, 4);
  SSJ_QR_FULL(MSG1, MSG2, MSG0, 5);
  SSJ_QR_FULL(MSG2, MSG3, MSG1, 6);
  SSJ_QR_FULL(MSG3, MSG0, MSG2, 7);
  SSJ_QR_FULL(MSG0, MSG1, MSG3, 8);
  SSJ_QR_FULL(MSG1, MSG2, MSG0, 9);
  SSJ_QR_FULL(MSG2, MSG3, MSG1, 10);
  SSJ_QR_FULL(MSG3, MSG0, MSG2, 11);
  SSJ_QR_FULL(MSG0, MSG1, MSG3, 12);
  /* rounds 52-55: next = W56..59, no msg1 */
  MSG = _mm_add_epi32(MSG1, SSJ_K(13));
  STATE1 = _mm_sha256rnds2_epu32(STATE1, STATE0, MSG);
  TMP = _mm_alignr_epi8(MSG1, MSG0, 4);
  MSG2 = _mm_add_epi32(MSG2, TMP);
  MSG2 = _mm_sha256msg2_epu32(MSG2, MSG1);
  MSG = _mm_shuffle_epi32(MSG, 0x0E);
  STATE0 = _mm_sha256rnds2_epu32(STATE0, STATE1, MSG);
  /* rounds 56-59: next = W60..63 */
  MSG = _mm_add_epi32(MSG2, SSJ_K(14));
  STATE1 = _mm_sha256rnds2_epu32(STATE1, STATE0, MSG);
  TMP = _mm_alignr_epi8(MSG2, MSG1, 4);
  MSG3 = _mm_add_epi32(MSG3, TMP);
  MSG3 = _mm_sha256msg2_epu32(MSG3, MSG2);
  MSG = _mm_shuffle_epi32(MSG, 0x0E);
  STATE0 = _mm_sha256rnds2_epu32(STATE0, STATE1, MSG);
  SSJ_QR(MSG3, 15);

  STATE0 = _mm_add_epi32(STATE0, ABEF_SAVE);
  STATE1 = _mm_add_epi32(STATE1, CDGH_SAVE);
  TMP = _mm_shuffle_epi32(STATE0, 0x1B);
  STATE1 = _mm_shuffle_epi32(STATE1, 0xB1);
  STATE0 = _mm_blend_epi16(TMP, STATE1, 0xF0);
  STATE1 = _mm_alignr_epi8(STATE1, TMP, 8);
  _mm_storeu_si128((__m128i *)&state[0], STATE0);
  _mm_storeu_si128((__m128i *)&state[4], STATE1);
}

/* Two independent compressions, interleaved: sha256rnds2 is latency-bound, so two streams run in
 * about the time of one. sa = compress(sa, da), sb = compress(sb, db). */
__attribute__((target("sha,sse4.1,ssse3"))) static void sha256_ni_x2(uint32_t sa[8], const uint8_t *da, uint32_t sb[8], const uint8_t *db) {
  __m128i A_STATE0, A_STATE1, A_MSG, A_TMP, A_MSG0, A_MSG1, A_MSG2, A_MSG3, A_ABEF, A_CDGH;
  __m128i B_STATE0, B_STATE1, B_MSG, B_TMP, B_MSG0, B_MSG1, B_MSG2, B_MSG3, B_ABEF, B_CDGH;
  const __m128i MASK = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
#define SSJ_LOAD(X, st)                                        \
  X##_TMP = _mm_loadu_si128((const __m128i *)&st[0]);          \
  X##_STATE1 = _mm_loadu_si128((const __m128i *)&st[4]);       \
  X##_TMP = _mm_shuffle_epi32(X##_TMP, 0xB1);                  \
  X##_STATE1 = _mm_shuffle_epi32(X##_STATE1, 0x1B);            \
  X##_STATE0 = _mm_alignr_epi8(X##_TMP, X##_STATE1, 8);        \
  X##_STATE1 = _mm_blend_epi16(X##_STATE1, X##_TMP, 0xF0);     \
  X##_ABEF = X##_STATE0;                                       \
  X##_CDGH = X##_STATE1
#define SSJ_R4(X, cur, i)                                                  \
  X##_MSG = _mm_add_epi32(X##_##cur, SSJ_K(i));                            \
  X##_STATE1 = _mm_sha256rnds2_epu32(X##_STATE1, X##_STATE0, X##_MSG);     \
  X##_MSG = _mm_shuffle_epi32(X##_MSG, 0x0E);                              \
  X##_STATE0 = _mm_sha256rnds2_epu32(X##_STATE0, X##_STATE1, X##_MSG)
#define SSJ_R4N(X, cur, next, prev, i)                                     \
  X##_MSG = _mm_add_epi32(X##_##cur, SSJ_K(i));                            \
  X##_STATE1 = _mm_sha256rnds2_epu32(X##_STATE1, X##_STATE0, X##_MSG);     \
  X##_TMP = _mm_alignr_epi8(X##_##cur, X##_##prev, 4);                     \
  X##_##next = _mm_add_epi32(X##_##next, X##_TMP);                         \
  X##_##next = _mm_sha256msg2_epu32(X##_##next, X##_##cur);                \
  X##_MSG = _mm_shuffle_epi32(X##_MSG, 0x0E);                              \
  X##_STATE0 = _mm_sha256rnds2_epu32(X##_STATE0, X##_STATE1, X##_MSG)
#define SSJ_M1(X, prev, cur) X##_##prev = _mm_sha256msg1_epu32(X##_##prev, X##_##cur)
#define SSJ_IN(X, d, m, off) X##_##m = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)((d) + (off))), MASK)
#define SSJ_STORE(X, st)                                       \
  X##_STATE0 = _mm_add_epi32(X##_STATE0, X##_ABEF);            \
  X##_STATE1 = _mm_add_epi32(X##_STATE1, X##_CDGH);            \
  X##_TMP = _mm_shuffle_epi32(X##_STATE0, 0x1B);               \
  X##_STATE1 = _mm_shuffle_epi32(X##_STATE1, 0xB1);            \
  X##_STATE0 = _mm_blend_epi16(X##_TMP, X##_STATE1, 0xF0);     \
  X##_STATE1 = _mm_alignr_epi8(X##_STATE1, X##_TMP, 8);        \
  _mm_storeu_si128((__m128i *)&st[0], X##_STATE0);             \
  _mm_storeu_si128((__m128i *)&st[4], X##_STATE1)
#define BOTH(M, ...) M(A, __VA_ARGS__); M(B, __VA_ARGS__)
  SSJ_LOAD(A, sa);
  SSJ_LOAD(B, sb);
  SSJ_IN(A, da, MSG0, 0); SSJ_IN(B, db, MSG0, 0);
  BOTH(SSJ_R4, MSG0, 0);
  SSJ_IN(A, da, MSG1, 16); SSJ_IN(B, db, MSG1, 16);
  BOTH(SSJ_R4, MSG1, 1);
  BOTH(SSJ_M1, MSG0, MSG1);
  SSJ_IN(A, da, MSG2, 32); SSJ_IN(B, db, MSG2, 32);
  BOTH(SSJ_R4, MSG2, 2);
  BOTH(SSJ_M1, MSG1, MSG2);
  SSJ_IN(A, da, MSG3, 48); SSJ_IN(B, db, MSG3, 48);
  BOTH(SSJ_R4N, MSG3, MSG0, MSG2, 3); BOTH(SSJ_M1, MSG2, MSG3);
  BOTH(SSJ_R4N, MSG0, MSG1, MSG3, 4); BOTH(SSJ_M1, MSG3, MSG0);
  BOTH(SSJ_R4N, MSG1, MSG2, MSG0, 5); BOTH(SSJ_M1, MSG0, MSG1);
  BOTH(SSJ_R4N, MSG2, MSG3, MSG1, 6); BOTH(SSJ_M1, MSG1, MSG2);
  BOTH(SSJ_R4N, MSG3, MSG0, MSG2, 7); BOTH(SSJ_M1, MSG2, MSG3);
  BOTH(SSJ_R4N, MSG0, MSG1, MSG3, 8); BOTH(SSJ_M1, MSG3, MSG0);
  BOTH(SSJ_R4N, MSG1, MSG2, MSG0, 9); BOTH(SSJ_M1, MSG0, MSG1);
  BOTH(SSJ_R4N, MSG2, MSG3, MSG1, 10); BOTH(SSJ_M1, MSG1, MSG2);
  BOTH(SSJ_R4N, MSG3, MSG0, MSG2, 11); BOTH(SSJ_M1, MSG2, MSG3);
  BOTH(SSJ_R4N, MSG0, MSG1, MSG3, 12); BOTH(SSJ_M1, MSG3, MSG0);
  BOTH(SSJ_R4N, MSG1, MSG2, MSG0, 13);
  BOTH(SSJ_R4N, MSG2, MSG3, MSG1, 14);
  BOTH(SSJ_R4, MSG3, 15);
  SSJ_STORE(A, sa);
  SSJ_STORE(B, sb);
#undef BOTH
}
#else
static int sha_ni_available(void) { return 0; }
static void sha256_ni_block(uint32_t state[8], const uint8_t *data) {
  (void)state;
  (void)data;
}
static void sha256_ni_x2(uint32_t sa[8], const uint8_t *da, uint32_t sb[8], const uint8_t *db) {
  (void)sa;
  (void)da;
  (void)sb;
  (void)db;
}
#endif
#endif
