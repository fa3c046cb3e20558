package org.sitekeeper.itests.support;

/** What a shell command over SSH printed (stdout then stderr, without ANSI colours) and its exit status. */
public record ShellResult(String command, Integer exitStatus, String stdout, String stderr) {

    /** Everything the command printed. */
    public String output() {
        return stdout + stderr;
    }

    @Override
    public String toString() {
        return "`" + command + "` exited " + exitStatus + ":\n" + output();
    }
}
