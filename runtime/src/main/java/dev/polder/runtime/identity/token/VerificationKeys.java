package dev.polder.runtime.identity.token;

import dev.polder.runtime.config.OidcConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The keys an issuer's tokens are verified with: a JWKS file, inline PEM/JWK keys, a shared secret
 * for HS algorithms, and — only when configured — the issuer's JWKS URL (fetched and cached).
 */
final class VerificationKeys {

  private VerificationKeys() {}

  /**
   * A resolver over every key the issuer configures.
   *
   * @param key the issuer's configuration key, for messages
   * @throws IllegalArgumentException naming the key and what is wrong with it
   */
  static VerificationKeyResolver resolver(String key, OidcConfig.Issuer issuer) {
    List<JsonWebKey> keys = new ArrayList<>();
    issuer
        .jwksFile()
        .ifPresent(
            file -> {
              try {
                keys.addAll(parse(Files.readString(Path.of(file)), "jwks"));
              } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(
                    key + ".jwks-file: cannot load keys from '" + file + "': " + reason(e), e);
              }
            });
    for (Map.Entry<String, String> inline : issuer.publicKeys().entrySet()) {
      try {
        keys.addAll(parse(inline.getValue(), inline.getKey()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            key + ".public-keys." + inline.getKey() + ": " + reason(e), e);
      }
    }
    issuer
        .secret()
        .ifPresent(
            secret -> {
              OctetSequenceJsonWebKey hmac =
                  new OctetSequenceJsonWebKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
              keys.add(hmac);
            });
    JwksVerificationKeyResolver local = new JwksVerificationKeyResolver(keys);
    local.setDisambiguateWithVerifySignature(true);
    if (issuer.jwksUrl().isEmpty()) {
      return local;
    }
    HttpsJwks remote = new HttpsJwks(issuer.jwksUrl().get());
    remote.setDefaultCacheDuration(issuer.jwksRefresh().toSeconds());
    HttpsJwksVerificationKeyResolver fetched = new HttpsJwksVerificationKeyResolver(remote);
    fetched.setDisambiguateWithVerifySignature(true);
    return new FirstThatResolves(local, fetched);
  }

  /** Keys from a PEM block, a JWK object or a JWKS document. */
  static List<JsonWebKey> parse(String text, String defaultKeyId) {
    String trimmed = text.strip();
    try {
      if (trimmed.startsWith("-----BEGIN")) {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pemPublicKey(trimmed));
        jwk.setKeyId(defaultKeyId);
        return List.of(jwk);
      }
      if (trimmed.contains("\"keys\"")) {
        List<JsonWebKey> keys = new JsonWebKeySet(trimmed).getJsonWebKeys();
        keys.forEach(VerificationKeys::refusePrivate);
        return keys;
      }
      JsonWebKey jwk = JsonWebKey.Factory.newJwk(trimmed);
      refusePrivate(jwk);
      if (jwk.getKeyId() == null) {
        jwk.setKeyId(defaultKeyId);
      }
      return List.of(jwk);
    } catch (JoseException | GeneralSecurityException e) {
      throw new IllegalArgumentException(reason(e), e);
    }
  }

  private static void refusePrivate(JsonWebKey jwk) {
    if (jwk instanceof PublicJsonWebKey pub && pub.getPrivateKey() != null) {
      throw new IllegalArgumentException(
          "holds a private key: configure only the public part (no 'd' member)");
    }
    if (jwk instanceof OctetSequenceJsonWebKey) {
      throw new IllegalArgumentException("symmetric JWK: put a shared secret in 'secret' instead");
    }
  }

  private static PublicKey pemPublicKey(String pem) throws GeneralSecurityException {
    if (pem.contains("PRIVATE KEY")) {
      throw new IllegalArgumentException("is a private key: configure the PUBLIC KEY block");
    }
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", ""));
    if (pem.contains("CERTIFICATE")) {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der))
          .getPublicKey();
    }
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new GeneralSecurityException("not an RSA or EC public key", last);
  }

  private static String reason(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Configured keys first; the fetched JWKS only for keys they do not have. */
  private record FirstThatResolves(VerificationKeyResolver first, VerificationKeyResolver then)
      implements VerificationKeyResolver {
    @Override
    public java.security.Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nesting)
        throws UnresolvableKeyException {
      try {
        return first.resolveKey(jws, nesting);
      } catch (UnresolvableKeyException e) {
        return then.resolveKey(jws, nesting);
      }
    }
  }
}
