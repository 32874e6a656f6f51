<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ArticleView</name>
    <message numerus="yes">
        <location filename="../../reader/ui/article_view.py" line="431" />
        <source>%n اشاره</source>
        <translation>
            <numerusform>%n mention</numerusform><numerusform>%n mentions</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="460" />
        <source>علامت‌گذاری به عنوان</source>
        <translation>Mark as</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="469" />
        <source>حذف این اشاره</source>
        <translation>Remove this mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="472" />
        <source>تغییر نوع</source>
        <translation>Change type</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="479" />
        <source>پیوستن به</source>
        <translation>Attach to</translation>
    </message>
</context>
<context>
    <name>EntityTypes</name>
    <message>
        <location filename="../../reader/ui/article_view.py" line="50" />
        <source>شخص</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="51" />
        <source>مکان</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="52" />
        <source>سازمان</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="53" />
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="54" />
        <source>زمان</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="55" />
        <source>پول</source>
        <translation>Money</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="56" />
        <source>درصد</source>
        <translation>Percent</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/find.py" line="57" />
        <source>جست‌وجو در متن…</source>
        <translation>Search the text…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="63" />
        <source>قبلی</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="64" />
        <source>مورد قبلی (Shift+Enter)</source>
        <translation>Previous match (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="67" />
        <source>بعدی</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="68" />
        <source>مورد بعدی (Enter)</source>
        <translation>Next match (Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="75" />
        <source>بستن (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="124" />
        <source>پیدا نشد</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="127" />
        <source>%1 از %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../reader/ui/legend.py" line="27" />
        <source>نمایش:</source>
        <translation>Show:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="95" />
        <source>لغو</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="126" />
        <location filename="../../reader/ui/main_window.py" line="128" />
        <location filename="../../reader/ui/main_window.py" line="272" />
        <source>در حال بارگذاری…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="152" />
        <source>بدون پرونده</source>
        <translation>No file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="174" />
        <source>در حال باز کردن %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="181" />
        <source>در حال باز کردن…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="215" />
        <source>در حال تحلیل متن…</source>
        <translation>Analysing the text…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="221" />
        <source>در حال تحلیل…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="226" />
        <source>تحلیل کامل شد</source>
        <translation>Analysis complete</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="236" />
        <location filename="../../reader/ui/main_window.py" line="463" />
        <source>تحلیل لغو شد</source>
        <translation>Analysis cancelled</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="238" />
        <source>تحلیل ناموفق بود: %1</source>
        <translation>Analysis failed: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="246" />
        <source>باز کردن ناموفق</source>
        <translation>Could not open</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="257" />
        <source>بازیابی اصلاحات</source>
        <translation>Restore corrections</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="258" />
        <source>اصلاحات ذخیره‌نشده‌ای از آخرین بار برای این خبر پیدا شد. بازیابی شوند؟</source>
        <translation>Unsaved corrections to this article were found from last time. Restore them?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="273" />
        <source>آماده</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="276" />
        <source>بارگذاری تحلیلگر ناموفق بود: %1</source>
        <translation>Could not load the analyser: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="321" />
        <source>علامت‌گذاری %1</source>
        <translation>Mark as %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="326" />
        <source>حذف اشاره</source>
        <translation>Remove mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="330" />
        <source>تغییر نوع</source>
        <translation>Change type</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="334" />
        <source>پیوستن اشاره</source>
        <translation>Attach mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="338" />
        <source>ادغام</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="342" />
        <source>تغییر نام</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="346" />
        <source>تغییر نقش</source>
        <translation>Set role</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="351" />
        <source>تاریخ خبر</source>
        <translation>Article date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="365" />
        <source>%1 اشاره</source>
        <translation>%1 mention(s)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="377" />
        <source>نخست روی یک نام کلیک کنید</source>
        <translation>Click a name first</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="388" />
        <source>%1 از %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="475" />
        <source>ذخیرهٔ نسخهٔ حاشیه‌نویسی‌شده</source>
        <translation>Save annotated copy</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="475" />
        <source>نسخهٔ خوانا (*.khana.html *.html)</source>
        <translation>Khana copy (*.khana.html *.html)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="479" />
        <location filename="../../reader/ui/main_window.py" line="504" />
        <source>ذخیره نشد</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="480" />
        <source>پروندهٔ اصلی خبر بازنویسی نمی‌شود؛ نام دیگری برگزینید.</source>
        <translation>The original article is never overwritten; choose another name.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="485" />
        <source>در حال ذخیره…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="498" />
        <source>ذخیره شد: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="510" />
        <source>برون‌بری</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="516" />
        <source>برون‌بری شد: %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="518" />
        <source>در حال برون‌بری…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="534" />
        <source>اصلاحات ذخیره نشده</source>
        <translation>Unsaved corrections</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="535" />
        <source>اصلاحات این خبر ذخیره نشده است. ذخیره شود؟</source>
        <translation>The corrections to this article are not saved. Save them?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="581" />
        <source>باز کردن خبر</source>
        <translation>Open article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="582" />
        <source>خبرها (*.txt *.html *.htm *.md);;نسخه‌های خوانا (*.khana.html *.json);;همهٔ پرونده‌ها (*)</source>
        <translation>Articles (*.txt *.html *.htm *.md);;Khana copies (*.khana.html *.json);;All files (*)</translation>
    </message>
<message>
        <location filename="../../reader/ui/docks.py" line="49" />
        <source>افراد</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="50" />
        <source>نقل قول‌ها</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="51" />
        <source>نام‌ها</source>
        <translation>Names</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="52" />
        <source>اشاره‌ها</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="53" />
        <source>گاه‌شمار</source>
        <translation>Timeline</translation>
    </message>
<message><source>&amp;پرونده</source><translation>&amp;File</translation></message><message><source>باز کردن…</source><translation>Open…</translation></message><message><source>پرونده‌های اخیر</source><translation>Recent files</translation></message><message><source>ذخیره به نام…</source><translation>Save as…</translation></message><message><source>خروج</source><translation>Quit</translation></message><message><source>&amp;ویرایش</source><translation>&amp;Edit</translation></message><message><source>واگرد</source><translation>Undo</translation></message><message><source>ازنو</source><translation>Redo</translation></message><message><source>جست‌وجو…</source><translation>Find…</translation></message><message><source>اشارهٔ بعدی</source><translation>Next mention</translation></message><message><source>اشارهٔ قبلی</source><translation>Previous mention</translation></message><message><source>&amp;نما</source><translation>&amp;View</translation></message><message><source>بزرگ‌نمایی</source><translation>Zoom in</translation></message><message><source>کوچک‌نمایی</source><translation>Zoom out</translation></message><message><source>اندازهٔ عادی</source><translation>Actual size</translation></message><message><source>پوستهٔ روشن</source><translation>Light theme</translation></message><message><source>پوستهٔ تیره</source><translation>Dark theme</translation></message><message><source>&amp;راهنما</source><translation>&amp;Help</translation></message><message><source>دربارهٔ خوانا</source><translation>About Khana</translation></message><message><source>(خالی)</source><translation>(empty)</translation></message><message><source>پاک کردن فهرست</source><translation>Clear list</translation></message><message><source>&lt;div dir='rtl'&gt;
&lt;h3&gt;خوانا&lt;/h3&gt;
&lt;p&gt;خبرخوان فارسی با نمایش نام‌ها، نقل قول‌ها و تاریخ‌ها.&lt;/p&gt;
&lt;p&gt;قلم &lt;b&gt;وزیرمتن&lt;/b&gt; (Vazirmatn) از صابر راستی‌کردار، با پروانهٔ SIL Open Font License 1.1.&lt;/p&gt;
&lt;p&gt;تشخیص نام‌ها با پیکرهٔ پیما آموخته شده است:&lt;br&gt;
Shahshahani, M. S., Mohseni, M., Shakery, A., Faili, H.
&lt;i&gt;PEYMA: A Tagged Corpus for Persian Named Entities&lt;/i&gt;. arXiv:1801.09936, 2018.&lt;/p&gt;
&lt;p&gt;پردازش متن فارسی با hazm.&lt;/p&gt;
&lt;/div&gt;</source><translation>&lt;div&gt;
&lt;h3&gt;Khana&lt;/h3&gt;
&lt;p&gt;A reader for Persian news that shows names, quotes and dates.&lt;/p&gt;
&lt;p&gt;Font &lt;b&gt;Vazirmatn&lt;/b&gt; by Saber Rastikerdar, under the SIL Open Font License 1.1.&lt;/p&gt;
&lt;p&gt;Names are recognised with a model trained on the PEYMA corpus:&lt;br&gt;
Shahshahani, M. S., Mohseni, M., Shakery, A., Faili, H.
&lt;i&gt;PEYMA: A Tagged Corpus for Persian Named Entities&lt;/i&gt;. arXiv:1801.09936, 2018.&lt;/p&gt;
&lt;p&gt;Persian text processing by hazm.&lt;/p&gt;
&lt;/div&gt;</translation></message></context>
</TS>