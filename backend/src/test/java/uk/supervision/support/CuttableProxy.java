package uk.supervision.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between the service and its database that a test can cut (every open connection dies and
 * new ones are dropped at once, as when the database server goes away) and restore. It can also hold
 * the database's replies, so a test knows a request is waiting on the database when it cuts.
 */
final class CuttableProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "db-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger sentWhileHolding = new AtomicInteger();
    private volatile boolean up = true;
    private volatile boolean holding;

    CuttableProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The database goes away: open connections are reset, new ones closed as soon as they arrive. */
    void cut() {
        up = false;
        holding = false;
        for (Socket s : sockets) {
            close(s);
        }
        sockets.clear();
    }

    void restore() {
        up = true;
    }

    /** From now on, the database's replies wait; requests to it still go through. */
    void holdReplies() {
        sentWhileHolding.set(0);
        holding = true;
    }

    /** Bytes sent to the database since holding began (a query waiting for its answer). */
    int sentWhileHolding() {
        return sentWhileHolding.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (!up) {
                    close(client);
                    continue;
                }
                Socket server = new Socket();
                server.connect(target, 2000);
                sockets.add(client);
                sockets.add(server);
                threads.submit(() -> pump(client, server, true));
                threads.submit(() -> pump(server, client, false));
            } catch (IOException e) {
                // listener closed, or the database refused: the client sees its socket close
            }
        }
    }

    private void pump(Socket from, Socket to, boolean toDatabase) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (toDatabase && holding) {
                    sentWhileHolding.addAndGet(n);
                }
                while (!toDatabase && holding && up) {
                    Thread.sleep(5);
                }
                if (!up) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the other side closed, or the test cut the connection
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
        threads.shutdownNow();
    }
}
