<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About PaperSieve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv&apos;s new papers every morning, ranked for your research interests by a language model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnthropicProvider</name>
    <message>
        <source>The model sent no text (stop reason: %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArxivCategoryModel</name>
    <message>
        <source>Type a category such as cs.LG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not written like an arXiv category (for example cs.LG or hep-th).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown category “%1”: did you mean %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown category “%1”: arXiv has no such listing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not an arXiv category</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArxivFailure</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (tried %n times)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 did not answer in time%2: arXiv may be down or slow, try again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused PaperSieve for sending too many requests (HTTP 429)%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait a few minutes, then try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not available (HTTP %2)%3: arXiv seems to be down or overloaded, try again later%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: check the categories and the arXiv addresses in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not reach %1%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without usable content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was cut off mid-download%2: arXiv may be overloaded, try again later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AtomParser</name>
    <message>
        <source>this is not an arXiv API answer (root element &lt;%1&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the arXiv API answer ends early (line %1): the download was probably cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the arXiv API answer is not well-formed XML: %1 (line %2, column %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the arXiv API answer is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry with an id that is not an arXiv id: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthorRepository</name>
    <message>
        <source>Paper %1 has no author %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthorStage</name>
    <message>
        <source>Semantic Scholar could not identify the authors (%1); papers it could not judge are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic Scholar could not give the authors&apos; h-indexes (%1); papers it could not judge are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store the author decisions: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot change the Run key in the registry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchOutcomes</name>
    <message>
        <source>the reply dropped %1 of %2 papers; asked again in halves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the title pre-filter found it outside the criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer was cut off at the output limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked twice, no usable answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatchUpFetcher</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the day is too far back for the arXiv API to list (more than 30000 newer entries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the arXiv API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the arXiv API reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the arXiv API stopped returning papers after %1 of %2 entries: try again later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliText</name>
    <message>
        <source>feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pre-filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scoring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostChartWidget</name>
    <message numerus="yes">
        <source>%1 over %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CriteriaEditorDialog</name>
    <message>
        <source>Research interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Your research interests&lt;/b&gt; — what the model looks for, in Markdown. Name the topics you want and the ones you don&apos;t.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The topics text goes into every scoring request. Headings and lists help the model tell wanted from unwanted topics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back the default topics text (you can still cancel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system and user messages exactly as PaperSieve sends them, here for sample papers of the day. It follows your typing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each version used in a run is kept. Restoring one puts its texts into the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a version to restore it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exactly what is sent for one batch (here with %n sample paper(s) of the day):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>── system ──</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>── user ──</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the day&apos;s %n paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>a usual day of %n papers (none stored for this day)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>price unknown for this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1 at the flex tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Estimate for %1 with %2: %n request(s), about %3 prompt + %4 completion tokens (reasoning included), %5. Papers answered before are not sent again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No earlier versions yet: one is kept each time a run uses the criteria.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DailyController</name>
    <message>
        <source>The clock moved %1 min more than the time that passed (the computer slept or its time was changed); checking the schedule again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying the run for %1 again (attempt %2 of %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the run for %1 that was missed while the computer was asleep or PaperSieve was not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the API key from the system keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key for %1: add it in Settings, or set %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv&apos;s feed still carries %1, not %2 yet; trying again later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DailyRun</name>
    <message>
        <source>No API key for %1: set %2 (or store the key in the window&apos;s settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the research criteria: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record the run in the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Followed authors: %1 selected without asking the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h-index cutoff: %1 dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily budget of $%1 is already spent; no paper is sent to the model today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate for %1 papers: %2 LLM requests, about %3 tokens, about $%4 (papers answered earlier are not sent again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate for %1 papers: %2 LLM requests, about %3 tokens (no price known for %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arXiv metadata could not be completed: %1 (the digest uses the feed&apos;s text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another PaperSieve run is already working on this database (process %1). Wait for it to finish, or stop it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily budget was reached; papers not scored yet are left for later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No announcement on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record the end of the run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Semantic Scholar address is not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the run lock %1 (%2): is the database&apos;s folder writable, and is there free space?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run did not end within %1 min and was stopped (a server stopped answering?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run did not end within %1 s and was stopped (a server stopped answering?).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot configure the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayIngest</name>
    <message>
        <source>no arXiv categories are configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an arXiv category (they look like cs.LG or math.OC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv address not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in the future: arXiv has not announced it yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too far back: catching up reaches back %2 days (to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv&apos;s feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv&apos;s feed could not be read, nothing was stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv&apos;s feed is for %1, not %2: fetching %2 through the arXiv API instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not store %1 in the database, nothing was stored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the arXiv API did not return %n paper(s) (e.g. %1); they keep the feed&apos;s metadata and are asked for again next time</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the feed&apos;s %n paper(s) are stored, but completing their metadata failed: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the arXiv API rejected %n request(s) for metadata: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>catching up %1 through the arXiv API failed, nothing was stored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was caught up through the arXiv API: its new submissions and cross-lists are listed, replacements are not (they are not kept for scanning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; trying again in %3 s (attempt %4 of %5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayListModel</name>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No announcement</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n relevant</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n papers, not scored</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>budget reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1
%2 papers stored, %3 scored, %4 relevant
LLM cost %5 over %n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoDay</name>
    <message>
        <source>Cannot read the demo day %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo day %1 is not valid JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo day %1 has an unknown format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo day %1 has no day or no papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot build the demo library: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo day is not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an arXiv id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: the reference digest of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoLibrary</name>
    <message>
        <source>Cannot create a temporary folder for the demo: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopShell</name>
    <message>
        <source>“Start at login” could not be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PaperSieve keeps running in the system tray so the daily digest is ready each morning. Choose Quit in the tray menu to end it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system tray was found, so PaperSieve runs the daily digest only while this window is open; closing it quits PaperSieve. To run it without the window, use a systemd timer or cron with “papersieve run” (see docs/DAILY.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PaperSieve is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PaperSieve: the daily run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run for %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PaperSieve</source>
        <translation type="unfinished">PaperSieve</translation>
    </message>
    <message>
        <source>PaperSieve — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv announced no new papers for this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 relevant paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 relevant papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — top: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No relevant papers among the %1 scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Stopped at the daily budget: some papers are not scored.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 papers could not be scored.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigestBuilder</name>
    <message>
        <source>There is no run for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no run %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored: the daily budget was reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored: the run was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored yet: the run is still going</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored: the run did not reach it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usable answer from the model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FailurePolicy</name>
    <message>
        <source>the provider asks to wait %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FetchCommand</name>
    <message>
        <source>cannot open the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetching %1 for %2 from arXiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetching today&apos;s arXiv feed for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completing metadata through the arXiv API (one request every %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored %1 paper(s) of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunChecklist</name>
    <message>
        <source>Your library is empty: four steps to your first digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Categories&lt;/b&gt;: %1 — &lt;a href=&quot;settings&quot;&gt;choose yours&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;API key&lt;/b&gt;: stored — &lt;a href=&quot;model&quot;&gt;change the model or key&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;API key&lt;/b&gt;: none yet — &lt;a href=&quot;model&quot;&gt;add your provider&apos;s key&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Your research interests&lt;/b&gt;: still the shipped example — &lt;a href=&quot;interests&quot;&gt;write yours&lt;/a&gt; (every paper is scored against them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Your research interests&lt;/b&gt;: yours — &lt;a href=&quot;interests&quot;&gt;edit&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Run now&lt;/b&gt; (F5): fetch today&apos;s papers and score them — &lt;a href=&quot;run&quot;&gt;run now&lt;/a&gt;; Research interests shows what it will cost first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeminiProvider</name>
    <message>
        <source>Google Gemini sent no candidates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Gemini blocked the prompt (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Gemini sent no text (finish reason: %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuiSession</name>
    <message>
        <source>Your library could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HIndexFilter</name>
    <message>
        <source>Author h-index %1 ≥ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No authors listed; kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 authors have no known h-index; kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest author h-index %1 &lt; %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HtmlWriter</name>
    <message>
        <source>Counts are de-duplicated: a paper listed in several categories counts once (the reference tool counts it once per category).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily budget was reached: papers not scored yet are not in this digest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run did not finish: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unscored papers: %1 (the model gave no usable answer for them; listed at the end).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paper passed the cutoffs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>the answer is larger than %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected to %2; not followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not finish answering within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonWriter</name>
    <message>
        <source>This is not a PaperSieve digest in JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This digest was written by a newer PaperSieve.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LlmErrorText</name>
    <message>
        <source>%1 rejected the API key (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused access with this API key (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 says the account has no credit left (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not know this model or address (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 timed out (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 says the request is too large (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is rate limiting requests (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is overloaded (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 had a server error (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the request (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with HTTP status %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LlmFailures</name>
    <message>
        <source>%1 did not answer at the flex tier within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LlmProvider</name>
    <message>
        <source>%1 sent an answer that is not JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LLM base URL is not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown LLM provider &apos;%1&apos; (known: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An OpenAI-compatible provider needs a base URL (for example http://localhost:11434/v1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>&amp;Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch, pre-filter and score the selected day now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research &amp;interests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;costs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search all papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page the abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark as unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;day as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open abstract page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;BibTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Mar&amp;kdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export s&amp;tarred papers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the digest again: every filter back to its default (Ctrl+Backspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About PaperSieve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark as read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PaperSieve</source>
        <translation>PaperSieve</translation>
    </message>
    <message>
        <source>Run the day again; what was already scored is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches every stored day as you type: words match the title, abstract, authors and comment; the last word matches as a prefix from three letters. Enter moves to the list, Esc clears the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all days: title, abstract, authors, comment  ( / )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which papers of the day to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relevance ≥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only papers with at least this relevance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Novelty ≥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only papers with at least this novelty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only papers listed in this category (primary or cross-list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the star: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running needs an API key: add one in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo day&lt;/b&gt; — the real arXiv papers of %1 (cs.LG, cs.AI) as the reference tool scored them with %2. Nothing here is your data and nothing is sent anywhere. &lt;a href=&quot;settings&quot;&gt;Choose your categories and add an API key&lt;/a&gt; to get your own digest every morning, then &lt;a href=&quot;library&quot;&gt;open your own library&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo library: nothing is fetched or sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the papers of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run cancelled; what was scored so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv announced nothing new for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n relevant paper(s) for %1, %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily budget was reached: some papers were not scored. Raise the budget in Settings and run again to score the rest (scores already paid for are kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved. The demo day is not your library: add an API key to get your own digest, then open your library from the banner above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your library?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PaperSieve can now read your own categories and score them with your model.

Leave the demo day and open your own library? The demo is not copied into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open my library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay in the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can open your own library later from the banner above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkdownWriter</name>
    <message>
        <source>No price is known for %1; add it to the pricing table to see costs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts are de-duplicated: a paper listed in several categories counts once (the reference tool counts it once per category).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily budget was reached: papers not scored yet are not in this digest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run did not finish: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unscored papers: %1 (the model gave no usable answer for them; listed at the end).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paper passed the cutoffs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetadataCompleter</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the arXiv API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not store the arXiv API&apos;s metadata: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Cannot read the schema version of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 was written by a newer PaperSieve (schema version %2; this version understands up to %3). It was left untouched: update PaperSieve, or choose another database with --db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot back up %1 to %2 before upgrading it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database to schema version %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenAiProvider</name>
    <message>
        <source>The OpenAI-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LLM server at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an answer that is not JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an answer without choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model used its whole output budget before writing an answer (finish reason: length).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model sent an empty answer (finish reason: %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperCommands</name>
    <message>
        <source>papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Opened %n paper(s) in the browser</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperDetailView</name>
    <message>
        <source>☆ Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star this paper (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abstract page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the arXiv abstract page in the browser (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy BibTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a paper to read its abstract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a followed author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relevance %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Novelty %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scored by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperExporter</name>
    <message>
        <source>There is nothing to export: no paper is in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML page (*.html *.htm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RIS (*.ris)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no known extension: use .md, .html, .json, .bib or .ris.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n paper(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n paper(s) as BibTeX</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n paper(s) as Markdown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperFilterBar</name>
    <message>
        <source>Digest (relevant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden by filters</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) in all days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the digest again: every filter back to its default (Ctrl+Backspace)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperListController</name>
    <message>
        <source>Could not save the star: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the read state: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperTableModel</name>
    <message>
        <source> et al.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
(a followed author)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred (S to unstar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not starred (S to star)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relevance %1, novelty %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored on its abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nov.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank in the digest (for a search: best match first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relevance to your research interests, 1–10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Novelty, 1–10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary arXiv category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day arXiv announced it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PricingTable</name>
    <message>
        <source>Cannot read the price file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price file %1 is not usable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry &apos;%1&apos; is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the prices of &apos;%1&apos; must be numbers &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the flex prices of &apos;%1&apos; must be numbers &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>PaperSieve</source>
        <translation type="unfinished">PaperSieve</translation>
    </message>
    <message>
        <source>PaperSieve is already open on your library in another window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestQueue</name>
    <message numerus="yes">
        <source>the server asks to wait %n second(s) before trying again</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the answer was cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RssParser</name>
    <message>
        <source>an item has no arXiv id (title &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown announce type &quot;%1&quot; for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not an arXiv RSS or Atom feed (root element &lt;%1&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed ends early (line %1): the download was probably cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed is not well-formed XML: %1 (line %2, column %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed has an item PaperSieve cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed is empty (no XML at all)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunCommand</name>
    <message>
        <source>cannot write the digest to standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the digest to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no API key: set %1 in the environment (provider %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: the pricing override file is not usable (%1); built-in prices are used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>digest written to %1 (%2 relevant); arXiv metadata still completing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: the early digest could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelling …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot build the digest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 LLM requests (%2 answered at the flex tier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 LLM requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unscored papers: %1 (listed at the end of the digest with the reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled (the digest holds what was scored; run again to finish)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the daily budget was reached: papers not scored yet are not in the digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This digest is incomplete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the digest to %1: it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no announcement (weekend or holiday); no digest written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing relevant among %1 scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 relevant of %2 scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3 announced); %4, $%5 this run, $%6 the day%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run failed: %1 (the digest holds what was scored and says it is incomplete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started: the estimate ($%1 for %2 papers) is over what is left of the daily budget ($%3 of $%4); run with --yes to send anyway, or raise the budget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunCostsDialog</name>
    <message>
        <source>Run costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;LLM cost per day&lt;/b&gt;, last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the model requests cost on each of the last 30 days; point at a bar for the day&apos;s figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to see its token table and requests below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s tokens and cost per model, split into prompt and completion, as the digest reports them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Requests&lt;/b&gt; of this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet. Costs appear here after the first run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · total arXiv papers: %3 · scanned: %4 · relevant: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunRepository</name>
    <message>
        <source>There is no run %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted: the program ended before the run finished; the next run resumes it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run; what was already scored is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily run paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relevant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunTexts</name>
    <message>
        <source>Fetching the feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completing metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching followed authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-filtering titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring abstracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the API key in Settings, then run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the system keychain (or enter the key again in Settings), then run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection and the LLM address in Settings, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the model and the LLM address in Settings, then run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is overloaded or limiting requests: wait a few minutes, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv could not be reached: check the network connection, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv&apos;s answer could not be read; press Retry later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct it in Settings, then run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the disk space and the permissions of the data folder, then run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the other run to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Retry; the papers and scores already stored are kept and not paid for twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today&apos;s feed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run for %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>S2Client</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic Scholar did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic Scholar&apos;s rate limit was reached (HTTP 429)%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic Scholar refused the API key (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic Scholar answered HTTP %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach Semantic Scholar: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic Scholar: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic Scholar asks to wait %1 s before trying again (HTTP 429); not waited for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic Scholar&apos;s answer was cut off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic Scholar: %1; trying again in %2 s (attempt %3 of %4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>S2Parser</name>
    <message>
        <source>Semantic Scholar sent something that is not a JSON list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic Scholar answered %1 entries for %2 ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic Scholar sent an author search answer that is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoreParser</name>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object without an ARXIVID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown id %1 (not in this batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was scored more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply scored it more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: relevance %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relevance: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: novelty %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>novelty: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scores %1/%2 are outside 1-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply did not score it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply held no JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply held no list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list in the reply is cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown entry %1 (not in this batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is far outside 1-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply is longer than %1 characters; the rest was not read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoreRepository</name>
    <message>
        <source>Cannot store the score of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectionLedger</name>
    <message>
        <source>Cannot read the papers from the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read earlier answers; nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectionRun</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No LLM model is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store the selection criteria: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no flex price in the price table, so it is sent at the standard tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the budget of $%1 was reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer the flex tier for %2 on this account; the run went on at the standard tier (set the tier to standard in the settings to skip the try).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store the LLM&apos;s answer in the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1; %n paper(s) asked again in %2 s (attempt %3 of %4)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no answer after %n attempt(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arXiv categories to read every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrows the list below by category id or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the list: “learning”, “cs.”, “quant”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every category whose new papers you want scored each day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A category missing from the list, as arXiv writes it (Enter adds it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or type one: math.OC, hep-th…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announcement types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers announced for the first time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New papers whose primary category is another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New versions of papers announced earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New versions of cross-listed papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced cross-lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rovider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who answers the scoring requests; each provider has its own API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for another server: it must be https, unless it runs on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the provider&apos;s own address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the settings file or a log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret Service (GNOME Keyring, KWallet) on Linux, the Keychain on macOS, the Credential Manager on Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning &amp;effort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a reasoning model thinks before it scores; higher costs more tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing &amp;tier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flex: OpenAI answers more slowly and bills half of every rate (gpt-5 family); a refused or stalled flex request is sent again at the standard tier. Other providers always use their standard tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Titles per request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers per request of the title pre-filter; automatic sizes it from the day&apos;s papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Abstracts per request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers per scoring request; automatic sizes it from the day&apos;s papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;quests at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many requests are sent to the provider at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily bu&amp;dget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once a day&apos;s runs have cost this much, no more papers are sent; the rest wait for later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relevance at least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A paper enters the digest when its relevance and novelty both reach these cutoffs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Novelty at least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop clearly unrelated papers by their titles first (cheaper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always include papers by the followed authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Followed authors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line: a name, or “Name, Semantic Scholar id”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;h-index:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip papers none of whose authors has an h-index of at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run every day in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right after arXiv&apos;s announcement (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or &amp;at (local time):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start PaperSieve when I log in (in the tray)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible (local or other server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flex: half price, slower (OpenAI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard: fastest answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the key from your provider&apos;s account page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No category chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one arXiv category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one announcement type (usually new submissions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the model to use, e.g. gpt-5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An OpenAI-compatible server needs its base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key could not be stored in the system keychain: %1

PaperSieve keeps keys only there, so it was not saved. Check that a keychain (Secret Service, KWallet) is running and unlocked, then enter the key again in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model name as the provider spells it, e.g. gpt-5; the list holds the models with a known price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuning for speed and price; the defaults suit a normal day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> / 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAPERSIEVE_LLM_BASE_URL is set: runs use %1, whatever this field says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overridden by PAPERSIEVE_LLM_BASE_URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1 input, $%2 output per million tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>PaperSieve is already running but did not take the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PaperSieve is already running but did not answer within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PaperSieve is already running but gave an unexpected answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock %1 to start the single-instance socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the local socket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>&amp;Open PaperSieve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 relevant paper on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 relevant papers on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running: %1 %2/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UrlPolicy</name>
    <message>
        <source>&apos;%1&apos; is not a valid URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on this computer, so it must use https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must start with https://</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
