package dev.troupe.engine.controllers.platform;

import dev.troupe.api.kinds.platform.BuildPlane;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.kinds.platform.KubernetesClusterSpec;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.gitops.CommitAuthor;
import dev.troupe.engine.gitops.GitOpsApplier;
import dev.troupe.engine.gitops.GitOpsTarget;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jgit.api.Git;

/**
 * What the embedded platform can check about its planes, honestly:
 *
 * <ul>
 *   <li>gitops mode without a repository URL: the embedded repository {@code
 *       <dataDir>/gitops/<org>/<dataplane>.git} is opened (created on first use) — usable means
 *       {@code Connected};
 *   <li>gitops mode with a URL: {@code git ls-remote} of the repository (anonymously: the embedded
 *       platform does not resolve {@code authSecretRef}) — failure is {@code
 *       RepositoryUnreachable};
 *   <li>kubernetes mode and BuildPlanes: an HTTPS request for {@code /version} on the API server,
 *       trusting {@code caCert}. It proves reachability only; the client key lives in a Secret the
 *       probe does not read, so credentials are verified by the first apply, not here. Without an
 *       API server URL the plane is {@code Unreachable}.
 * </ul>
 */
final class DefaultPlaneProbe implements PlaneProbe {
  static final Duration RECHECK_CONNECTED = Duration.ofMinutes(5);
  static final Duration RECHECK_FAILED = Duration.ofMinutes(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Path dataDir;
  private final ControllerContext.Settings settings;

  DefaultPlaneProbe(Path dataDir, ControllerContext.Settings settings) {
    this.dataDir = dataDir;
    this.settings = settings;
  }

  @Override
  public Verdict dataPlane(DataPlane dp) {
    DataPlane.Spec spec = dp.spec();
    if (spec != null && spec.gitopsMode()) {
      DataPlane.Repository repo = spec.gitops() == null ? null : spec.gitops().repository();
      if (repo == null || repo.embedded()) {
        return embeddedRepository(dp, repo);
      }
      return remoteRepository(repo.url(), spec.gitops().authSecretRef());
    }
    KubernetesClusterSpec cluster = spec == null ? null : spec.kubernetesCluster();
    return apiServer(cluster, "");
  }

  @Override
  public Verdict buildPlane(BuildPlane bp) {
    String note =
        "; the embedded platform runs builds with the local executor and creates nothing on build"
            + " planes";
    return apiServer(bp.spec() == null ? null : bp.spec().kubernetesCluster(), note);
  }

  private Verdict embeddedRepository(DataPlane dp, DataPlane.Repository repo) {
    GitOpsTarget embedded = GitOpsTarget.embedded(dataDir, dp.namespace(), dp.name());
    GitOpsTarget target =
        new GitOpsTarget(
            embedded.directory(),
            null,
            repo == null ? null : repo.branch(),
            repo == null ? null : repo.path());
    CommitAuthor author =
        new CommitAuthor(settings.gitopsAuthorName(), settings.gitopsAuthorEmail());
    try (GitOpsApplier applier = new GitOpsApplier(target, author, Clock.systemUTC())) {
      return Verdict.connected(
          "embedded Git repository gitops/"
              + dp.namespace()
              + "/"
              + dp.name()
              + ".git (branch "
              + applier.target().branch()
              + ") is usable",
          Duration.ZERO);
    } catch (RuntimeException e) {
      return Verdict.failed(
          "RepositoryUnreachable",
          "embedded Git repository gitops/"
              + dp.namespace()
              + "/"
              + dp.name()
              + ".git is not usable: "
              + e.getMessage(),
          RECHECK_FAILED);
    }
  }

  private static Verdict remoteRepository(String url, String authSecretRef) {
    String shown = Redaction.url(url);
    String auth =
        authSecretRef == null
            ? ""
            : " (probed anonymously: Secret \"" + authSecretRef + "\" is used only by commits)";
    try {
      Git.lsRemoteRepository().setRemote(url).setTimeout((int) TIMEOUT.toSeconds()).call();
      return Verdict.connected("Git repository " + shown + " answered" + auth, RECHECK_CONNECTED);
    } catch (Exception e) {
      return Verdict.failed(
          "RepositoryUnreachable",
          "Git repository "
              + shown
              + " did not answer: "
              + Redaction.text(e.getMessage(), url)
              + auth,
          RECHECK_FAILED);
    }
  }

  private static Verdict apiServer(KubernetesClusterSpec cluster, String note) {
    String url =
        cluster == null || cluster.credentials() == null
            ? null
            : cluster.credentials().apiServerURL();
    if (url == null || url.isBlank()) {
      return Verdict.failed(
          "Unreachable",
          "no kubernetesCluster.credentials.apiServerURL is given, so no cluster can be reached"
              + note,
          Duration.ZERO);
    }
    String shown = Redaction.url(url);
    try {
      HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
      String ca = cluster.credentials().caCert();
      if (ca != null && !ca.isBlank()) {
        builder.sslContext(trusting(ca));
      }
      URI uri = URI.create(url.endsWith("/") ? url + "version" : url + "/version");
      try (HttpClient client = builder.build()) {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return Verdict.connected(
            "API server "
                + shown
                + " answered (HTTP "
                + response.statusCode()
                + "); client credentials are verified when objects are applied"
                + note,
            RECHECK_CONNECTED);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Verdict.failed("Unreachable", "probe of " + shown + " interrupted", RECHECK_FAILED);
    } catch (Exception e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return Verdict.failed(
          "Unreachable",
          "API server " + shown + " is not reachable: " + Redaction.text(why, url) + note,
          RECHECK_FAILED);
    }
  }

  /** An SSL context trusting the PEM certificates of a base64 CA bundle. */
  private static SSLContext trusting(String caBase64) throws Exception {
    byte[] pem = Base64.getMimeDecoder().decode(caBase64);
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    int i = 0;
    for (Certificate c :
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(pem))) {
      trust.setCertificateEntry("ca-" + i++, c);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}
