<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that qtbase_fa leaves in English (Qt's file dialog), in Persian.
     Khana's own strings are Persian in the source; this file only fills Qt's gaps.
     Rebuild the .qm with the command in reader/ui/i18n.py. -->
<TS version="2.1" language="fa">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;پوشه:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;نوع پرونده:</translation>
    </message>
</context>
</TS>
