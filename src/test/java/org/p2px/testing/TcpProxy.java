package org.p2px.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 that a test can cut and restore, to take a server away from what it connects to (its
 * database) the way a network fault or a stopped server would: {@link #cut()} drops every connection and refuses
 * new ones, {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable
{
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    public TcpProxy(final String targetHost, final int targetPort)
    {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = listen(0);
        this.port = listener.getLocalPort();
    }

    public int port()
    {
        return port;
    }

    /** Closes every proxied connection and the listening socket: connecting is refused until {@link #restore()}. */
    public synchronized void cut()
    {
        closeQuietly(listener);
        listener = null;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    public synchronized void restore()
    {
        if (listener == null)
        {
            listener = listen(port);
        }
    }

    @Override
    public void close()
    {
        cut();
    }

    private ServerSocket listen(final int onPort)
    {
        try
        {
            final ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            final Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-accept-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return socket;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot listen on port " + onPort, ex);
        }
    }

    private void accept(final ServerSocket socket)
    {
        while (!socket.isClosed())
        {
            try
            {
                final Socket client = socket.accept();
                final Socket server = new Socket();
                sockets.add(client);
                sockets.add(server);
                try
                {
                    server.connect(target, 5_000);
                }
                catch (final IOException refused)
                {
                    closeQuietly(client);
                    closeQuietly(server);
                    continue;
                }
                if (listener != socket)
                {
                    // cut while connecting
                    closeQuietly(client);
                    closeQuietly(server);
                    continue;
                }
                pump(client, server);
                pump(server, client);
            }
            catch (final IOException ex)
            {
                // the listener was closed by cut(), or the target refused: the client sees its connection close
            }
        }
    }

    private void pump(final Socket from, final Socket to) throws IOException
    {
        final InputStream in = from.getInputStream();
        final OutputStream out = to.getOutputStream();
        final Thread thread = new Thread(() ->
        {
            final byte[] buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = in.read(buffer)) >= 0)
                {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
            catch (final IOException ex)
            {
                // one side closed or was cut
            }
            finally
            {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(final AutoCloseable closeable)
    {
        if (closeable != null)
        {
            try
            {
                closeable.close();
            }
            catch (final Exception ignored)
            {
                // closing anyway
            }
        }
    }
}
