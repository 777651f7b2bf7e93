package io.croupier.bootstrap.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * TCP proxy on 127.0.0.1 in front of a store. While frozen it accepts connections and reads bytes
 * but forwards nothing in either direction, as a store behind a network partition: connections stay
 * open and no reply arrives. Thawing forwards what it held back and everything after.
 */
final class FreezableProxy implements AutoCloseable {

  private static final Duration FROZEN_POLL = Duration.ofMillis(20);

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "freezable-proxy");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean frozen;

  private FreezableProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
  }

  /** Starts a proxy on a free port in front of the store at the connection string's address. */
  static FreezableProxy start(String connectionString) throws IOException {
    URI address = URI.create(connectionString);
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    FreezableProxy proxy =
        new FreezableProxy(listener, new InetSocketAddress(address.getHost(), address.getPort()));
    proxy.threads.execute(proxy::acceptConnections);
    return proxy;
  }

  /** Returns the connection string of the proxy, such as mongodb://127.0.0.1:40123. */
  String connectionString() {
    return "mongodb://127.0.0.1:" + listener.getLocalPort();
  }

  void freeze() {
    frozen = true;
  }

  void thaw() {
    frozen = false;
  }

  private void acceptConnections() {
    try {
      while (!listener.isClosed()) {
        Socket client = listener.accept();
        sockets.add(client);
        threads.execute(() -> connect(client));
      }
    } catch (IOException closed) {
      // The proxy was closed.
    }
  }

  private void connect(Socket client) {
    awaitThaw();
    try {
      Socket store = new Socket(target.getAddress(), target.getPort());
      sockets.add(store);
      threads.execute(() -> forward(client, store));
      forward(store, client);
    } catch (IOException unreachable) {
      closeQuietly(client);
    }
  }

  /** Copies bytes until either side closes, holding each chunk back while the proxy is frozen. */
  private void forward(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        awaitThaw();
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException closed) {
      // One side closed its connection; the other is closed below.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void awaitThaw() {
    while (frozen && !listener.isClosed()) {
      LockSupport.parkNanos(FROZEN_POLL.toNanos());
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  /** Stops accepting and closes every connection. */
  @Override
  public void close() throws IOException {
    listener.close();
    sockets.forEach(FreezableProxy::closeQuietly);
    threads.shutdownNow();
  }
}
