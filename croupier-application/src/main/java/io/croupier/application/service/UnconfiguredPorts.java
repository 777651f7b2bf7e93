package io.croupier.application.service;

import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.AuditPosition;
import io.croupier.application.port.out.LoginFailure;
import io.croupier.application.port.out.LoginFailureLog;
import io.croupier.application.port.out.RefreshTokenStore;
import io.croupier.application.port.out.RevokedTokens;
import io.croupier.application.port.out.StoredRefreshToken;
import io.croupier.domain.OrganizationName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ports that store nothing, for the constructors that predate them: no audit events, no login
 * failures and so no lockout, no refresh tokens and no revocations.
 */
final class UnconfiguredPorts {

  private UnconfiguredPorts() {}

  static AuditLog auditLog() {
    return new AuditLog() {
      @Override
      public void record(AuditEvent event) {}

      @Override
      public List<AuditEvent> findPage(
          String organizationId, Optional<AuditPosition> after, int limit) {
        return List.of();
      }

      @Override
      public Optional<String> findOrganizationIdByName(OrganizationName name) {
        return Optional.empty();
      }
    };
  }

  static LoginFailureLog loginFailureLog() {
    return new LoginFailureLog() {
      @Override
      public String record(String key, Instant time, Instant expiresAt) {
        return UUID.randomUUID().toString();
      }

      @Override
      public List<LoginFailure> recent(String key, Instant since, int limit) {
        return List.of();
      }

      @Override
      public void remove(String key, String failureId) {}

      @Override
      public void clear(String key) {}
    };
  }

  static RefreshTokenStore refreshTokenStore() {
    return new RefreshTokenStore() {
      @Override
      public void insert(StoredRefreshToken token) {}

      @Override
      public Optional<StoredRefreshToken> findByHash(String tokenHash) {
        return Optional.empty();
      }

      @Override
      public boolean markRotated(String tokenHash, Instant now) {
        return false;
      }

      @Override
      public void revokeSession(String sessionId, Instant now) {}
    };
  }

  static RevokedTokens revokedTokens() {
    return new RevokedTokens() {
      @Override
      public void revokeToken(String tokenId, Instant until) {}

      @Override
      public void revokeSession(String sessionId, Instant until) {}

      @Override
      public boolean isRevoked(String tokenId, String sessionId, Instant now) {
        return false;
      }
    };
  }
}
