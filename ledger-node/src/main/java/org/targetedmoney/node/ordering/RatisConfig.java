package org.targetedmoney.node.ordering;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.retry.RetryPolicy;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/** Translates {@link RaftSettings} into Ratis properties; one place for every Ratis knob we turn. */
final class RatisConfig {

  /** Snapshots kept on disk: the newest, plus one in case the newest is being sent to a follower. */
  private static final int SNAPSHOTS_RETAINED = 2;
  /** Ratis' default: purge the log after at most this many entries past the last purge. */
  private static final long MAX_PURGE_GAP_ENTRIES = 1024;
  /** Client retries cover a leader election (a few election timeouts) before a submission fails. */
  private static final int SUBMIT_MAX_ATTEMPTS = 60;
  private static final TimeDuration SUBMIT_RETRY_SLEEP = TimeDuration.valueOf(100, TimeUnit.MILLISECONDS);
  /** Slack above our own in-flight limit so the Ratis client's internal semaphore never blocks a caller. */
  private static final int CLIENT_OUTSTANDING_SLACK = 16;
  /** Ratis requires the gRPC message limit to exceed the appender limit by at least 1 MB. */
  private static final long GRPC_MESSAGE_HEADROOM_BYTES = 2L << 20;

  private RatisConfig() {
  }

  static RaftProperties serverProperties(RaftSettings settings) {
    RaftProperties props = commonProperties(settings);
    // Bind the advertised address only, not every interface.
    GrpcConfigKeys.Server.setHost(props, settings.selfHost());
    GrpcConfigKeys.Server.setPort(props, settings.selfPort());
    RaftServerConfigKeys.setStorageDir(props, List.of(settings.storageDir().toFile()));
    RaftServerConfigKeys.Rpc.setTimeoutMin(props, millis(settings.electionTimeoutMin().toMillis()));
    RaftServerConfigKeys.Rpc.setTimeoutMax(props, millis(settings.electionTimeoutMax().toMillis()));
    RaftServerConfigKeys.Log.setSegmentSizeMax(props, SizeInBytes.valueOf(settings.logSegmentBytes()));
    RaftServerConfigKeys.Log.Appender.setBufferByteLimit(props, SizeInBytes.valueOf(settings.appenderBufferBytes()));
    RaftServerConfigKeys.Log.setWriteBufferSize(props, SizeInBytes.valueOf(settings.logWriteBufferBytes()));
    boolean autoSnapshot = settings.snapshotAutoTriggerEntries() > 0;
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(props, autoSnapshot);
    if (autoSnapshot) {
      RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(props, settings.snapshotAutoTriggerEntries());
      // Purge closed log segments once a snapshot covers them, but (Ratis' default) never past what every
      // follower has: a node that was down catches up from the log. Purging up to the snapshot regardless
      // (setPurgeUptoSnapshotIndex) would send it the snapshot instead, which the applier cannot install yet.
      RaftServerConfigKeys.Log.setPurgeGap(props,
          (int) Math.min(MAX_PURGE_GAP_ENTRIES, settings.snapshotAutoTriggerEntries()));
    }
    RaftServerConfigKeys.Snapshot.setRetentionFileNum(props, SNAPSHOTS_RETAINED);
    return props;
  }

  static RaftProperties clientProperties(RaftSettings settings) {
    RaftProperties props = commonProperties(settings);
    RaftClientConfigKeys.Async.setOutstandingRequestsMax(props, settings.maxInFlight() + CLIENT_OUTSTANDING_SLACK);
    return props;
  }

  /**
   * gRPC parameters: with {@code tls}, the server, the admin service and the client all use mutual
   * TLS with the same material (a peer dials its peers with the client side of its own certificate);
   * without it, plaintext (the single-peer node on loopback).
   */
  static Parameters parameters(PeerTls tls) {
    Parameters parameters = new Parameters();
    if (tls != null) {
      GrpcTlsConfig config = new GrpcTlsConfig(tls.privateKey(), tls.certificate(), tls.trustedCa(), true);
      GrpcConfigKeys.Server.setTlsConf(parameters, config);
      GrpcConfigKeys.Admin.setTlsConf(parameters, config);
      GrpcConfigKeys.Client.setTlsConf(parameters, config);
    }
    return parameters;
  }

  static RetryPolicy submitRetryPolicy() {
    return RetryPolicies.retryUpToMaximumCountWithFixedSleep(SUBMIT_MAX_ATTEMPTS, SUBMIT_RETRY_SLEEP);
  }

  private static RaftProperties commonProperties(RaftSettings settings) {
    RaftProperties props = new RaftProperties();
    RaftConfigKeys.Rpc.setType(props, SupportedRpcType.GRPC);
    // A gRPC message must carry a full appender batch, with room for its framing.
    GrpcConfigKeys.setMessageSizeMax(props,
        SizeInBytes.valueOf(settings.appenderBufferBytes() + GRPC_MESSAGE_HEADROOM_BYTES));
    return props;
  }

  private static TimeDuration millis(long ms) {
    return TimeDuration.valueOf(ms, TimeUnit.MILLISECONDS);
  }
}
