package id.sorot.base;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;

/**
 * Independent questions of one page asked side by side. Each cube query spends most of its time in
 * DuckDB; two at once use both cores of a small server, and the cube connection pool bounds the rest.
 * Each question runs as the one who asked: the caller's security context goes with it, so the cube
 * layer limits its rows to the reader's pemda on the worker thread too.
 */
public final class Parallel {

    private static final Executor EXECUTOR =
            Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "sorot-parallel");
                t.setDaemon(true);
                return t;
            });

    private Parallel() {}

    public static <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, new DelegatingSecurityContextExecutor(EXECUTOR));
    }
}
