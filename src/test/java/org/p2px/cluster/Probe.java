package org.p2px.cluster;
import java.nio.file.Path;
import org.p2px.engine.EngineConfig;
public class Probe {
  public static void main(String[] a) throws Exception {
    ClusterLayout l = ClusterLayout.onOneHost("localhost", 3, 23000);
    try (ClusterEngineClient c = new ClusterEngineClient(new ClusterClientSettings(77, l.ingressEndpoints(), "localhost", Path.of("/dev/shm/probe-client"), null), EngineConfig.defaults(Path.of("/tmp/probe")))) {
      for (int i = 0; i < 100; i++) { System.out.println(c.status() + " leader=" + c.leaderMemberId() + " ack=" + c.acknowledged()); Thread.sleep(200); if (c.status()==org.p2px.engine.EngineStatus.READY) break; }
      DepositStream s = new DepositStream(c); s.world(); for (int i=0;i<10;i++) s.deposit(1);
      s.awaitAcknowledged(s.lastCorrelationId(), 5000); System.out.println("acked " + c.acknowledged());
    }
  }
}
