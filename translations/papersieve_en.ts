<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArxivFailure</name>
    <message numerus="yes">
        <source> (tried %n times)</source>
        <translation>
            <numerusform> (tried once)</numerusform>
            <numerusform> (tried %n times)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CostChartWidget</name>
    <message numerus="yes">
        <source>%1 over %n day(s)</source>
        <translation>
            <numerusform>%1 over %n day</numerusform>
            <numerusform>%1 over %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CriteriaEditorDialog</name>
    <message numerus="yes">
        <source>Exactly what is sent for one batch (here with %n sample paper(s) of the day):</source>
        <translation>
            <numerusform>Exactly what is sent for one batch (here with %n sample paper of the day):</numerusform>
            <numerusform>Exactly what is sent for one batch (here with %n sample papers of the day):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the day&apos;s %n paper(s)</source>
        <translation>
            <numerusform>the day&apos;s %n paper</numerusform>
            <numerusform>the day&apos;s %n papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>a usual day of %n papers (none stored for this day)</source>
        <translation>
            <numerusform>a usual day of %n paper (none stored for this day)</numerusform>
            <numerusform>a usual day of %n papers (none stored for this day)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Estimate for %1 with %2: %n request(s), about %3 prompt + %4 completion tokens (reasoning included), %5. Papers answered before are not sent again.</source>
        <translation>
            <numerusform>Estimate for %1 with %2: %n request, about %3 prompt + %4 completion tokens (reasoning included), %5. Papers answered before are not sent again.</numerusform>
            <numerusform>Estimate for %1 with %2: %n requests, about %3 prompt + %4 completion tokens (reasoning included), %5. Papers answered before are not sent again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayIngest</name>
    <message numerus="yes">
        <source>the arXiv API did not return %n paper(s) (e.g. %1); they keep the feed&apos;s metadata and are asked for again next time</source>
        <translation>
            <numerusform>the arXiv API did not return %n paper (%1); it keeps the feed&apos;s metadata and is asked for again next time</numerusform>
            <numerusform>the arXiv API did not return %n papers (e.g. %1); they keep the feed&apos;s metadata and are asked for again next time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the feed&apos;s %n paper(s) are stored, but completing their metadata failed: %1</source>
        <translation>
            <numerusform>the feed&apos;s %n paper is stored, but completing its metadata failed: %1</numerusform>
            <numerusform>the feed&apos;s %n papers are stored, but completing their metadata failed: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the arXiv API rejected %n request(s) for metadata: %1</source>
        <translation>
            <numerusform>the arXiv API rejected %n request for metadata: %1</numerusform>
            <numerusform>the arXiv API rejected %n requests for metadata: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayListModel</name>
    <message numerus="yes">
        <source>%n relevant</source>
        <translation>
            <numerusform>%n relevant</numerusform>
            <numerusform>%n relevant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n papers, not scored</source>
        <translation>
            <numerusform>%n paper, not scored</numerusform>
            <numerusform>%n papers, not scored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
%2 papers stored, %3 scored, %4 relevant
LLM cost %5 over %n run(s)</source>
        <translation>
            <numerusform>%1
%2 papers stored, %3 scored, %4 relevant
LLM cost %5 over %n run</numerusform>
            <numerusform>%1
%2 papers stored, %3 scored, %4 relevant
LLM cost %5 over %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n relevant paper(s) for %1, %2</source>
        <translation>
            <numerusform>%n relevant paper for %1, %2</numerusform>
            <numerusform>%n relevant papers for %1, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperCommands</name>
    <message numerus="yes">
        <source>Opened %n paper(s) in the browser</source>
        <translation>
            <numerusform>Opened %n paper in the browser</numerusform>
            <numerusform>Opened %n papers in the browser</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperExporter</name>
    <message numerus="yes">
        <source>Exported %n paper(s) to %1</source>
        <translation>
            <numerusform>Exported %n paper to %1</numerusform>
            <numerusform>Exported %n papers to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n paper(s) as BibTeX</source>
        <translation>
            <numerusform>Copied %n paper as BibTeX</numerusform>
            <numerusform>Copied %n papers as BibTeX</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n paper(s) as Markdown</source>
        <translation>
            <numerusform>Copied %n paper as Markdown</numerusform>
            <numerusform>Copied %n papers as Markdown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperFilterBar</name>
    <message numerus="yes">
        <source>%n paper(s)</source>
        <translation>
            <numerusform>%n paper</numerusform>
            <numerusform>%n papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden by filters</source>
        <translation>
            <numerusform>%n hidden by filters</numerusform>
            <numerusform>%n hidden by filters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) in all days</source>
        <translation>
            <numerusform>%n match in all days</numerusform>
            <numerusform>%n matches in all days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestQueue</name>
    <message numerus="yes">
        <source>the server asks to wait %n second(s) before trying again</source>
        <translation>
            <numerusform>the server asks to wait %n second before trying again</numerusform>
            <numerusform>the server asks to wait %n seconds before trying again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectionRun</name>
    <message numerus="yes">
        <source>%1; %n paper(s) asked again in %2 s (attempt %3 of %4)</source>
        <translation>
            <numerusform>%1; %n paper asked again in %2 s (attempt %3 of %4)</numerusform>
            <numerusform>%1; %n papers asked again in %2 s (attempt %3 of %4)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no answer after %n attempt(s): %1</source>
        <translation>
            <numerusform>no answer after %n attempt: %1</numerusform>
            <numerusform>no answer after %n attempts: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
