package io.synthscene.cli;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar with frames/s and ETA, drawn on standard error, for interactive terminals. */
final class TerminalProgressBar implements ProgressReporter {
    private final ProgressBar bar;

    TerminalProgressBar(int totalFrames) {
        bar = new ProgressBarBuilder()
                .setTaskName("render")
                .setInitialMax(totalFrames)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUnit(" frames", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(200)
                .build();
    }

    @Override
    public void frameDone() {
        bar.step();
    }

    @Override
    public void close() {
        bar.close();
    }
}
