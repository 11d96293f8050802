package io.synthscene.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets SIGTERM and SIGINT (Ctrl-C) stop a render in order instead of killing it mid-frame.
 *
 * <p>The JVM runs shutdown hooks on those signals and exits with 128 + the signal's number (143,
 * 130) once they return. Our hook only asks the render to stop, then waits (at most
 * {@link #GRACE_SECONDS}) until the command closes this object. Meanwhile the command's own
 * thread, which owns the GL context, stops starting frames, lets the frames in flight be written,
 * closes the renderer (EGL teardown stays on its thread, in order) and prints how to resume. The
 * hook never touches GL or files itself.
 *
 * <p>Created by a command around its work ({@link #install()}) and closed by it
 * (try-with-resources); closing removes the hook.
 */
final class SignalStop implements AutoCloseable {
    /**
     * How long the hook waits for the render to stop. Below the 30 s that Kubernetes
     * (terminationGracePeriodSeconds) and Slurm (KillWait) leave between SIGTERM and SIGKILL.
     */
    static final int GRACE_SECONDS = 25;

    private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private SignalStop() {
        hook = new Thread(this::stopAndWait, "synthscene-stop");
    }

    static SignalStop install() {
        SignalStop stop = new SignalStop();
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** True once a signal asked the render to stop. */
    boolean requested() {
        return requested.get();
    }

    /**
     * True when the JVM is shutting down because of a signal: it exits with 128 + the signal
     * number as soon as the hooks return, so {@link Main} must not call {@code System.exit}.
     */
    static boolean shuttingDown() {
        return SHUTTING_DOWN.get();
    }

    private void stopAndWait() {
        SHUTTING_DOWN.set(true);
        requested.set(true);
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The work is over (stopped or not): lets a waiting hook return, removes the hook otherwise. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running: it returns now that the latch is open
        }
    }
}
