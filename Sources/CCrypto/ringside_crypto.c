#include "ringside_crypto.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <string.h>
#include <time.h>

struct ringside_credential {
  EVP_PKEY *key;
  X509 *certificate;
};

void ringside_credential_free(ringside_credential *credential) {
  if (!credential) return;
  EVP_PKEY_free(credential->key);
  X509_free(credential->certificate);
  OPENSSL_free(credential);
}

static int is_key_block(const char *name) {
  size_t n = strlen(name);
  return n >= 11 && strcmp(name + n - 11, "PRIVATE KEY") == 0;
}

ringside_credential_status ringside_credential_load(const char *pem, size_t length,
                                                    ringside_credential **out) {
  *out = NULL;
  if (length > INT32_MAX) return RINGSIDE_CREDENTIAL_BAD_PEM;
  BIO *bio = BIO_new_mem_buf(pem, (int)length);
  if (!bio) return RINGSIDE_CREDENTIAL_BAD_PEM;
  EVP_PKEY *key = NULL;
  X509 *certificate = NULL;
  ringside_credential_status status = RINGSIDE_CREDENTIAL_OK;
  int blocks = 0;
  char *name = NULL, *header = NULL;
  unsigned char *data = NULL;
  long size = 0;
  while (status == RINGSIDE_CREDENTIAL_OK && PEM_read_bio(bio, &name, &header, &data, &size)) {
    blocks++;
    const unsigned char *cursor = data;
    if (strcmp(name, "CERTIFICATE") == 0) {
      if (!certificate) {
        certificate = d2i_X509(NULL, &cursor, size);
        if (!certificate) status = RINGSIDE_CREDENTIAL_BAD_CERTIFICATE;
      }
    } else if (strcmp(name, "ENCRYPTED PRIVATE KEY") == 0 ||
               (is_key_block(name) && header && strstr(header, "ENCRYPTED"))) {
      if (!key) status = RINGSIDE_CREDENTIAL_ENCRYPTED_KEY;
    } else if (is_key_block(name)) {
      if (!key) {
        if (strcmp(name, "RSA PRIVATE KEY") == 0) {
          key = d2i_PrivateKey(EVP_PKEY_RSA, NULL, &cursor, size);
        } else if (strcmp(name, "PRIVATE KEY") == 0) {
          key = d2i_AutoPrivateKey(NULL, &cursor, size);
        } else {
          status = RINGSIDE_CREDENTIAL_NOT_RSA;  // EC, DSA, OPENSSH ... PRIVATE KEY
        }
        if (status == RINGSIDE_CREDENTIAL_OK && !key) status = RINGSIDE_CREDENTIAL_BAD_KEY;
      }
    }
    OPENSSL_free(name);
    OPENSSL_free(header);
    if (data) OPENSSL_clear_free(data, (size_t)size);
    name = header = NULL;
    data = NULL;
  }
  BIO_free(bio);
  ERR_clear_error();  // the end of the text leaves "no start line" behind
  if (status == RINGSIDE_CREDENTIAL_OK) {
    if (blocks == 0) status = RINGSIDE_CREDENTIAL_BAD_PEM;
    else if (!key) status = RINGSIDE_CREDENTIAL_NO_KEY;
    else if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) status = RINGSIDE_CREDENTIAL_NOT_RSA;
    else if (EVP_PKEY_get_bits(key) < 2048) status = RINGSIDE_CREDENTIAL_SHORT_KEY;
    else if (!certificate) status = RINGSIDE_CREDENTIAL_NO_CERTIFICATE;
    else if (X509_check_private_key(certificate, key) != 1) status = RINGSIDE_CREDENTIAL_MISMATCH;
  }
  if (status != RINGSIDE_CREDENTIAL_OK) {
    EVP_PKEY_free(key);
    X509_free(certificate);
    return status;
  }
  ringside_credential *credential = OPENSSL_zalloc(sizeof *credential);
  if (!credential) {
    EVP_PKEY_free(key);
    X509_free(certificate);
    return RINGSIDE_CREDENTIAL_BAD_KEY;
  }
  credential->key = key;
  credential->certificate = certificate;
  *out = credential;
  return RINGSIDE_CREDENTIAL_OK;
}

size_t ringside_credential_thumbprint(const ringside_credential *credential, int sha1,
                                      uint8_t out[32]) {
  unsigned int length = 0;
  const EVP_MD *digest = sha1 ? EVP_sha1() : EVP_sha256();
  if (X509_digest(credential->certificate, digest, out, &length) != 1) return 0;
  return length;
}

static int seconds(const ASN1_TIME *time, int64_t *out) {
  struct tm parts;
  memset(&parts, 0, sizeof parts);
  if (!time || ASN1_TIME_to_tm(time, &parts) != 1) return -1;
  *out = (int64_t)timegm(&parts);
  return 0;
}

int ringside_credential_validity(const ringside_credential *credential, int64_t *not_before,
                                 int64_t *not_after) {
  if (seconds(X509_get0_notBefore(credential->certificate), not_before) != 0) return -1;
  return seconds(X509_get0_notAfter(credential->certificate), not_after);
}

int ringside_credential_bits(const ringside_credential *credential) {
  return EVP_PKEY_get_bits(credential->key);
}

static int use_pss(EVP_PKEY_CTX *context) {
  return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PSS_PADDING) > 0 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(context, RSA_PSS_SALTLEN_DIGEST) > 0 &&
         EVP_PKEY_CTX_set_rsa_mgf1_md(context, EVP_sha256()) > 0;
}

size_t ringside_credential_sign_ps256(const ringside_credential *credential,
                                      const uint8_t *data, size_t length, uint8_t *signature,
                                      size_t capacity) {
  EVP_MD_CTX *context = EVP_MD_CTX_new();
  if (!context) return 0;
  EVP_PKEY_CTX *key_context = NULL;
  size_t written = capacity;
  int ok = EVP_DigestSignInit(context, &key_context, EVP_sha256(), NULL, credential->key) == 1 &&
           use_pss(key_context) &&
           EVP_DigestSign(context, signature, &written, data, length) == 1;
  EVP_MD_CTX_free(context);
  ERR_clear_error();
  return ok ? written : 0;
}

int ringside_verify_ps256(const char *certificate_pem, size_t pem_length, const uint8_t *data,
                          size_t length, const uint8_t *signature, size_t signature_length) {
  if (pem_length > INT32_MAX) return 0;
  BIO *bio = BIO_new_mem_buf(certificate_pem, (int)pem_length);
  if (!bio) return 0;
  X509 *certificate = PEM_read_bio_X509(bio, NULL, NULL, NULL);
  BIO_free(bio);
  if (!certificate) return 0;
  EVP_PKEY *key = X509_get_pubkey(certificate);
  X509_free(certificate);
  if (!key) return 0;
  EVP_MD_CTX *context = EVP_MD_CTX_new();
  EVP_PKEY_CTX *key_context = NULL;
  int ok = context &&
           EVP_DigestVerifyInit(context, &key_context, EVP_sha256(), NULL, key) == 1 &&
           use_pss(key_context) &&
           EVP_DigestVerify(context, signature, signature_length, data, length) == 1;
  EVP_MD_CTX_free(context);
  EVP_PKEY_free(key);
  ERR_clear_error();
  return ok;
}
