# ssj_native: batched midstate SHA-256 for ssj-draw/1 tickets (spec §2). Plain Node-API (C),
# against Node's own headers; the SHA-256 functions come from the OpenSSL that Node bundles and
# exports, so nothing is linked besides Node itself.
{
  "targets": [
    {
      "target_name": "ssj_native",
      "sources": ["src/ssj_native.c", "src/scanner.c"],
      "cflags": ["-O3", "-Wno-deprecated-declarations"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
