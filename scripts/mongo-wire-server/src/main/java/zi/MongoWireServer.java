package zi;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.util.concurrent.CountDownLatch;

/**
 * Runs mongo-java-server on host:port until SIGTERM/SIGINT.
 * Usage: MongoWireServer --host 127.0.0.1 --port 27017 [--file path/to/data.mv]
 * Without --file the data lives in memory (tests); with it, H2 keeps it across restarts (npm start).
 */
public final class MongoWireServer {
    public static void main(String[] args) throws InterruptedException {
        String host = option(args, "--host", "127.0.0.1");
        int port = Integer.parseInt(option(args, "--port", "27017"));
        String file = option(args, "--file", null);

        H2Backend backend = file == null ? H2Backend.inMemory() : new H2Backend(file);
        // Report MongoDB 5.0 so current drivers (which need wire version >= 8) accept the server.
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        System.out.println("mongo-wire-server listening on " + host + ":" + port + (file == null ? " (in memory)" : " (file " + file + ")"));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            backend.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) return args[i + 1];
        }
        return fallback;
    }
}
