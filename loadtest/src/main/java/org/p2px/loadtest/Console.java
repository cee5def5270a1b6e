package org.p2px.loadtest;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress and results on the console, each line with the time of day. */
final class Console
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console()
    {
    }

    static synchronized void log(final String line)
    {
        System.out.println(LocalTime.now().format(TIME) + " " + line);
    }
}
