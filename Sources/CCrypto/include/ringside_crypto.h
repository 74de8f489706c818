#ifndef RINGSIDE_CRYPTO_H
#define RINGSIDE_CRYPTO_H
#include <stddef.h>
#include <stdint.h>

// A certificate credential (an RSA private key and its X.509 certificate) from OpenSSL's
// libcrypto, for the client assertions of `ringside sync graph`. The key never leaves it.
typedef struct ringside_credential ringside_credential;

// Why a PEM could not be used.
typedef enum {
  RINGSIDE_CREDENTIAL_OK = 0,
  RINGSIDE_CREDENTIAL_NO_KEY = 1,          // no private key block
  RINGSIDE_CREDENTIAL_ENCRYPTED_KEY = 2,   // the key is protected by a passphrase
  RINGSIDE_CREDENTIAL_NOT_RSA = 3,         // the key is not an RSA key
  RINGSIDE_CREDENTIAL_NO_CERTIFICATE = 4,  // no certificate block
  RINGSIDE_CREDENTIAL_MISMATCH = 5,        // the certificate is not the key's
  RINGSIDE_CREDENTIAL_BAD_KEY = 6,         // a key block that does not decode
  RINGSIDE_CREDENTIAL_BAD_CERTIFICATE = 7, // a certificate block that does not decode
  RINGSIDE_CREDENTIAL_SHORT_KEY = 8,       // an RSA key shorter than 2048 bits
  RINGSIDE_CREDENTIAL_BAD_PEM = 9,         // no PEM blocks, or a block that does not decode
} ringside_credential_status;

// Reads the first private key and the first certificate of the PEM text (in any order).
ringside_credential_status ringside_credential_load(const char *pem, size_t length,
                                                    ringside_credential **out);
void ringside_credential_free(ringside_credential *credential);

// The SHA-256 (or, when `sha1` is set, SHA-1) digest of the certificate's DER encoding into
// `out` (32 or 20 bytes); returns the length, 0 on failure.
size_t ringside_credential_thumbprint(const ringside_credential *credential, int sha1,
                                      uint8_t out[32]);

// The certificate's validity as seconds since 1970; 0 on success.
int ringside_credential_validity(const ringside_credential *credential, int64_t *not_before,
                                 int64_t *not_after);

// The key's size in bits.
int ringside_credential_bits(const ringside_credential *credential);

// RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (JWA PS256) of `data` into
// `signature` (at least bits/8 bytes); returns the signature's length, 0 on failure.
size_t ringside_credential_sign_ps256(const ringside_credential *credential,
                                      const uint8_t *data, size_t length, uint8_t *signature,
                                      size_t capacity);

// Checks a PS256 signature against the public key of the PEM certificate: 1 when it holds.
int ringside_verify_ps256(const char *certificate_pem, size_t pem_length, const uint8_t *data,
                          size_t length, const uint8_t *signature, size_t signature_length);
#endif
