package dev.mailtrail.investigate.report;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.AttackerSession;
import dev.mailtrail.investigate.scope.BlindWindow;
import dev.mailtrail.investigate.scope.FolderSync;
import dev.mailtrail.investigate.scope.MessageRead;
import dev.mailtrail.investigate.scope.Scope;
import dev.mailtrail.investigate.scope.SuspiciousSession;
import dev.mailtrail.investigate.scope.TimelineEntry;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * A scope as one self-contained HTML file: the statement in words, the caveats, the blind windows, a timeline
 * that can be filtered, a table per attacker session and the suspicious sessions. No network: CSS and script are
 * inline, and a Content-Security-Policy allows exactly those two by hash, so even markup that escaped escaping could
 * not run. Every value from a record is escaped.
 */
public final class ScopeHtml {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#1b1b1b;padding:0 1em}
            h1{font-size:1.5em}h2{margin-top:1.8em;border-bottom:1px solid #ccc}
            #scope-statement{font-size:1.1em;background:#fff6e5;border-left:4px solid #e08a00;padding:.8em 1em}
            table{border-collapse:collapse;width:100%;margin:.5em 0}
            th,td{border-bottom:1px solid #e3e3e3;padding:.25em .5em;text-align:left;vertical-align:top}
            th{background:#f3f3f3}td.time{white-space:nowrap;font-family:monospace}
            tr[data-what=blind] td{background:#fdecec}tr[data-what=sync] td{background:#fff3d6}
            .muted{color:#666}code{font-size:.95em;word-break:break-all}
            #filter{width:40%;padding:.3em}
            """;
    private static final String SCRIPT = """
            (function(){
              var box=document.getElementById('filter');
              var rows=document.querySelectorAll('#timeline tbody tr');
              var shown=document.getElementById('shown');
              box.addEventListener('input',function(){
                var q=box.value.toLowerCase(),n=0;
                rows.forEach(function(r){var hit=r.textContent.toLowerCase().indexOf(q)>=0;r.hidden=!hit;if(hit)n++;});
                shown.textContent=n+' of '+rows.length;
              });
            })();
            """;

    public void write(Scope scope, Writer out) throws IOException {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
                .append(hash(STYLE))
                .append("'; script-src '")
                .append(hash(SCRIPT))
                .append("'\">\n")
                .append("<title>Scope of ")
                .append(Html.escape(scope.query().mailbox()))
                .append(" — MailTrail</title>\n<style>")
                .append(STYLE)
                .append("</style></head>\n<body>\n");
        html.append("<h1>Which mail did the attacker read? <span id=\"mailbox\">")
                .append(Html.escape(scope.query().mailbox()))
                .append("</span></h1>\n");
        html.append("<p id=\"scope-statement\">")
                .append(Html.escape(scope.statement()))
                .append("</p>\n");
        caveats(html, scope);
        summary(html, scope);
        mailboxNames(html, scope);
        blindWindows(html, scope);
        timeline(html, scope);
        sessions(html, scope);
        suspicious(html, scope);
        html.append("<p class=\"muted\">Made by MailTrail from ")
                .append(scope.records())
                .append(" records of the mailbox. Times are UTC.</p>\n");
        html.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        out.write(html.toString());
        out.flush();
    }

    private static void caveats(StringBuilder html, Scope scope) {
        html.append("<section id=\"caveats\"><h2>Caveats</h2><ul>\n");
        for (String caveat : scope.caveats()) {
            html.append("<li>").append(Html.escape(caveat)).append("</li>\n");
        }
        html.append("</ul></section>\n");
    }

    private static void summary(StringBuilder html, Scope scope) {
        html.append("<section id=\"summary\"><h2>Summary</h2><table><tbody>\n");
        row(
                html,
                "Attacker",
                scope.query().attacker().isEmpty()
                        ? "not named"
                        : scope.query().attacker().describe());
        row(
                html,
                "Messages read (distinct)",
                Integer.toString(scope.messagesRead().size()));
        row(html, "Folders taken whole", String.join(", ", scope.foldersSynced()));
        row(html, "Blind windows", Integer.toString(scope.blindWindows().size()));
        row(html, "Other actions", Integer.toString(scope.actions().size()));
        row(html, "Sessions", Integer.toString(scope.sessions().size()));
        html.append("</tbody></table></section>\n");
    }

    private static void mailboxNames(StringBuilder html, Scope scope) {
        List<String> merges = MailboxNamesText.merges(scope.mailbox());
        if (merges.isEmpty()) {
            return;
        }
        html.append("<section id=\"mailbox-names\"><h2>Mailbox names merged</h2>\n<p>")
                .append(Html.escape(String.join(", ", MailboxNamesText.names(scope.mailbox()))))
                .append("</p><ul>\n");
        for (String merge : merges) {
            html.append("<li>").append(Html.escape(merge)).append("</li>\n");
        }
        html.append("</ul></section>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>")
                .append(Html.escape(name))
                .append("</th><td>")
                .append(Html.escape(value))
                .append("</td></tr>\n");
    }

    private static void blindWindows(StringBuilder html, Scope scope) {
        html.append("<section id=\"blind-windows\"><h2>Blind windows</h2>\n");
        if (scope.blindWindows().isEmpty()) {
            html.append("<p>None found.</p>\n");
        } else {
            html.append("<table><thead><tr><th>From</th><th>To</th><th>Why</th><th>Record</th></tr></thead><tbody>\n");
            for (BlindWindow window : scope.blindWindows()) {
                html.append("<tr class=\"blind-window\"><td class=\"time\">")
                        .append(time(window.from()))
                        .append("</td><td class=\"time\">")
                        .append(window.to() == null ? "not ended" : time(window.to()))
                        .append("</td><td>")
                        .append(Html.escape(window.reason().words()))
                        .append("</td><td>")
                        .append(Html.escape(window.detail()))
                        .append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("</section>\n");
    }

    private static void timeline(StringBuilder html, Scope scope) {
        html.append("<section id=\"timeline-section\"><h2>Timeline</h2>\n")
                .append("<p><input id=\"filter\" type=\"search\" placeholder=\"Filter: an IP, a folder, a subject…\">")
                .append(" <span id=\"shown\" class=\"muted\">")
                .append(scope.timeline().size())
                .append(" entries</span></p>\n")
                .append("<table id=\"timeline\"><thead><tr><th>Time (UTC)</th><th>What</th><th>Description</th>")
                .append("<th>Session</th><th>IP</th></tr></thead><tbody>\n");
        for (TimelineEntry entry : scope.timeline()) {
            html.append("<tr class=\"timeline-row\" data-what=\"")
                    .append(Html.escape(entry.what()))
                    .append("\">")
                    .append("<td class=\"time\">")
                    .append(time(entry.time()))
                    .append("</td>")
                    .append("<td>")
                    .append(Html.escape(entry.what()))
                    .append("</td>")
                    .append("<td>")
                    .append(Html.escape(entry.description()))
                    .append("</td>")
                    .append("<td><code>")
                    .append(Html.escape(entry.sessionKey()))
                    .append("</code></td>")
                    .append("<td>")
                    .append(Html.escape(entry.ip()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void sessions(StringBuilder html, Scope scope) {
        html.append("<section id=\"sessions\"><h2>Attacker sessions</h2>\n");
        if (scope.sessions().isEmpty()) {
            html.append("<p>None attributed.</p>\n");
        }
        for (AttackerSession session : scope.sessions()) {
            html.append("<div class=\"session\"><h3>Session <code>")
                    .append(Html.escape(session.sessionKey()))
                    .append("</code></h3>\n<p>")
                    .append(time(session.first()))
                    .append(" to ")
                    .append(time(session.last()))
                    .append(" · IP ")
                    .append(Html.escape(String.join(", ", session.ips())))
                    .append(" · ")
                    .append(Html.escape(String.join(", ", session.users())))
                    .append(" · <code>")
                    .append(Html.escape(String.join(" | ", session.clients())))
                    .append("</code></p>\n");
            if (!session.reads().isEmpty()) {
                html.append("<table class=\"reads\"><thead><tr><th>Time</th><th>Folder</th><th>Subject</th>")
                        .append(
                                "<th>Sender</th><th>Date</th><th>InternetMessageId</th><th>Size</th></tr></thead><tbody>\n");
                for (MessageRead read : session.reads()) {
                    html.append("<tr><td class=\"time\">")
                            .append(time(read.time()))
                            .append("</td><td>")
                            .append(Html.escape(read.folder()))
                            .append("</td><td>")
                            .append(Html.escape(
                                    read.message().subject() != null
                                                    && read.message().subject().isBlank()
                                            ? "(no subject)"
                                            : read.message().subject()))
                            .append("</td><td>")
                            .append(Html.escape(read.message().sender()))
                            .append("</td><td class=\"time\">")
                            .append(time(read.message().date()))
                            .append("</td><td><code>")
                            .append(Html.escape(read.messageKey()))
                            .append("</code></td><td>")
                            .append(read.sizeInBytes() == null ? "" : read.sizeInBytes())
                            .append("</td></tr>\n");
                }
                html.append("</tbody></table>\n");
            }
            if (!session.syncs().isEmpty()) {
                html.append("<table class=\"syncs\"><thead><tr><th>Time</th><th>Folder taken whole</th>")
                        .append("<th>Items</th></tr></thead><tbody>\n");
                for (FolderSync sync : session.syncs()) {
                    html.append("<tr><td class=\"time\">")
                            .append(time(sync.time()))
                            .append("</td><td>")
                            .append(Html.escape(sync.folder()))
                            .append("</td><td>")
                            .append(sync.syncedItems() == null ? "all: must be assumed read" : sync.syncedItems());
                    for (var item : sync.items()) {
                        html.append("<br>")
                                .append(Html.escape(item.subject() == null ? "" : item.subject() + " "))
                                .append(Html.escape(
                                        item.internetMessageId() != null ? item.internetMessageId() : item.id()));
                    }
                    html.append("</td></tr>\n");
                }
                html.append("</tbody></table>\n");
            }
            if (!session.actions().isEmpty()) {
                html.append("<table class=\"actions\"><thead><tr><th>Time</th><th>What</th><th>Details</th>")
                        .append("</tr></thead><tbody>\n");
                for (AttackerAction action : session.actions()) {
                    html.append("<tr><td class=\"time\">")
                            .append(time(action.time()))
                            .append("</td><td>")
                            .append(Html.escape(action.kind().words()))
                            .append("</td><td>")
                            .append(Html.escape(action.summary()))
                            .append("</td></tr>\n");
                }
                html.append("</tbody></table>\n");
            }
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private static void suspicious(StringBuilder html, Scope scope) {
        if (scope.suspiciousSessions().isEmpty()) {
            return;
        }
        html.append("<section id=\"suspicious\"><h2>Suspicious sessions to confirm</h2>\n<table><thead><tr>")
                .append("<th>Session</th><th>IPs</th><th>Clients</th><th>First</th><th>Records</th><th>Why</th>")
                .append("</tr></thead><tbody>\n");
        for (SuspiciousSession session : scope.suspiciousSessions()) {
            html.append("<tr><td><code>")
                    .append(Html.escape(session.sessionKey()))
                    .append("</code></td><td>")
                    .append(Html.escape(String.join(", ", session.ips())))
                    .append("</td><td><code>")
                    .append(Html.escape(String.join(" | ", session.clients())))
                    .append("</code></td><td class=\"time\">")
                    .append(time(session.first()))
                    .append("</td><td>")
                    .append(session.records())
                    .append("</td><td>")
                    .append(Html.escape(String.join("; ", session.reasons())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static String time(Instant time) {
        return time == null ? "" : TIME.format(time);
    }

    private static String hash(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException cannotHappen) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", cannotHappen);
        }
    }
}
