<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArticleView</name>
    <message numerus="yes">
        <location filename="../../reader/ui/article_view.py" line="752"/>
        <source>%n اشاره</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="785"/>
        <source>علامت‌گذاری به عنوان</source>
        <translation>Mark as</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="794"/>
        <source>حذف این اشاره</source>
        <translation>Remove this mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="797"/>
        <source>تغییر نوع</source>
        <translation>Change type</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_view.py" line="804"/>
        <source>پیوستن به</source>
        <translation>Attach to</translation>
    </message>
</context>
<context>
    <name>ConverterWidget</name>
    <message>
        <location filename="../../reader/ui/converter.py" line="50"/>
        <source>مثلاً ۲۲ شهریور ۱۴۰۲ یا 2023-09-13</source>
        <translation>e.g. ۲۲ شهریور ۱۴۰۲ or 2023-09-13</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="51"/>
        <source>تاریخ شمسی یا میلادی، مثلاً ۱۴۰۲/۰۶/۲۲ یا ۲۲ شهریور ۱۴۰۲ یا 2023-09-13</source>
        <translation>A Jalali or Gregorian date, e.g. ۱۴۰۲/۰۶/۲۲, ۲۲ شهریور ۱۴۰۲ or 2023-09-13</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="65"/>
        <source>شمسی:</source>
        <translation>Jalali:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="66"/>
        <source>میلادی:</source>
        <translation>Gregorian:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="67"/>
        <source>روز هفته:</source>
        <translation>Weekday:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="68"/>
        <source>قمری (جدولی، تقریبی):</source>
        <translation>Hijri (tabular, approximate):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="70"/>
        <source>تبدیل تاریخ</source>
        <translation>Date converter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="85"/>
        <source>تنظیم تاریخ خبر</source>
        <translation>Set article date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="87"/>
        <source>تاریخ خبر</source>
        <translation>Article date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="158"/>
        <source>تاریخ خبر تعیین نشده است</source>
        <translation>The article date is not set</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="163"/>
        <source>اکنون: %1 %2 (%3)</source>
        <translation>Currently: %1 %2 (%3)</translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="526"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="526"/>
        <source>اشاره</source>
        <translation>Mentions</translation>
    </message>
</context>
<context>
    <name>EntityTypes</name>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="27"/>
        <source>شخص</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="28"/>
        <source>مکان</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="29"/>
        <source>سازمان</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="30"/>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="21"/>
        <location filename="../../reader/ui/entity_types.py" line="31"/>
        <source>زمان</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="17"/>
        <source>اشخاص</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="18"/>
        <source>مکان‌ها</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="19"/>
        <source>سازمان‌ها</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="20"/>
        <source>تاریخ‌ها</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="22"/>
        <location filename="../../reader/ui/entity_types.py" line="32"/>
        <source>پول</source>
        <translation>Money</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="23"/>
        <location filename="../../reader/ui/entity_types.py" line="33"/>
        <source>درصد</source>
        <translation>Percent</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/find.py" line="65"/>
        <source>جست‌وجو در متن…</source>
        <translation>Search the text…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="71"/>
        <source>قبلی</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="72"/>
        <source>مورد قبلی (Shift+Enter)</source>
        <translation>Previous match (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="75"/>
        <source>بعدی</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="76"/>
        <source>مورد بعدی (Enter)</source>
        <translation>Next match (Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="83"/>
        <source>بستن (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="114"/>
        <source>در حال آماده‌سازی جست‌وجو…</source>
        <translation>Preparing the search…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="152"/>
        <source>در حال آماده‌سازی…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="171"/>
        <source>پیدا نشد</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find.py" line="174"/>
        <source>%1 از %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../reader/ui/legend.py" line="27"/>
        <source>نمایش:</source>
        <translation>Show:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="98"/>
        <source>لغو</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="132"/>
        <location filename="../../reader/ui/main_window.py" line="134"/>
        <location filename="../../reader/ui/main_window.py" line="300"/>
        <source>در حال بارگذاری…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="158"/>
        <source>بدون پرونده</source>
        <translation>No file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="159"/>
        <source>خوانا</source>
        <translation>Khana</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="186"/>
        <source>در حال باز کردن %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="203"/>
        <source>در حال باز کردن…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="237"/>
        <source>در حال تحلیل متن…</source>
        <translation>Analysing the text…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="244"/>
        <source>در حال تحلیل…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="249"/>
        <source>تحلیل کامل شد</source>
        <translation>Analysis complete</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="268"/>
        <location filename="../../reader/ui/main_window.py" line="493"/>
        <source>تحلیل لغو شد</source>
        <translation>Analysis cancelled</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="270"/>
        <source>تحلیل ناموفق بود: %1</source>
        <translation>Analysis failed: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="278"/>
        <source>باز کردن ناموفق</source>
        <translation>Could not open</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="285"/>
        <source>بازیابی اصلاحات</source>
        <translation>Restore corrections</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="286"/>
        <source>اصلاحات ذخیره‌نشده‌ای از آخرین بار برای این خبر پیدا شد. بازیابی شوند؟</source>
        <translation>Unsaved corrections to this article were found from last time. Restore them?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="301"/>
        <source>آماده</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="304"/>
        <source>بارگذاری تحلیلگر ناموفق بود: %1</source>
        <translation>Could not load the analyser: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="350"/>
        <source>علامت‌گذاری %1</source>
        <translation>Mark as %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="355"/>
        <source>حذف اشاره</source>
        <translation>Remove mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="359"/>
        <source>تغییر نوع</source>
        <translation>Change type</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="363"/>
        <source>پیوستن اشاره</source>
        <translation>Attach mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="367"/>
        <source>ادغام</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="371"/>
        <source>تغییر نام</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="375"/>
        <source>تغییر نقش</source>
        <translation>Set role</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="380"/>
        <source>تاریخ خبر</source>
        <translation>Article date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="394"/>
        <source>%1 اشاره</source>
        <translation>%1 mention(s)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="406"/>
        <source>نخست روی یک نام کلیک کنید</source>
        <translation>Click a name first</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="417"/>
        <source>%1 از %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="55"/>
        <location filename="../../reader/ui/main_window.py" line="505"/>
        <source>ذخیرهٔ نسخهٔ حاشیه‌نویسی‌شده</source>
        <translation>Save annotated copy</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="505"/>
        <source>نسخهٔ خوانا (*.khana.html *.html)</source>
        <translation>Khana copy (*.khana.html *.html)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="509"/>
        <location filename="../../reader/ui/main_window.py" line="534"/>
        <source>ذخیره نشد</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="510"/>
        <source>پروندهٔ اصلی خبر بازنویسی نمی‌شود؛ نام دیگری برگزینید.</source>
        <translation>The original article is never overwritten; choose another name.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="515"/>
        <source>در حال ذخیره…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="528"/>
        <source>ذخیره شد: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="59"/>
        <location filename="../../reader/ui/main_window.py" line="540"/>
        <source>برون‌بری</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="546"/>
        <source>برون‌بری شد: %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="547"/>
        <source>، </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="548"/>
        <source>در حال برون‌بری…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="564"/>
        <source>اصلاحات ذخیره نشده</source>
        <translation>Unsaved corrections</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="565"/>
        <source>اصلاحات این خبر ذخیره نشده است. ذخیره شود؟</source>
        <translation>The corrections to this article are not saved. Save them?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="612"/>
        <source>باز کردن خبر</source>
        <translation>Open article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="613"/>
        <source>خبرها (*.txt *.html *.htm *.md);;نسخه‌های خوانا (*.khana.html *.json);;همهٔ پرونده‌ها (*)</source>
        <translation>Articles (*.txt *.html *.htm *.md);;Khana copies (*.khana.html *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="49"/>
        <source>افراد</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="50"/>
        <source>نقل قول‌ها</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="51"/>
        <source>نام‌ها</source>
        <translation>Names</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="52"/>
        <source>اشاره‌ها</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="53"/>
        <source>گاه‌شمار</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="48"/>
        <source>&amp;پرونده</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="49"/>
        <source>باز کردن…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="51"/>
        <source>پرونده‌های اخیر</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="57"/>
        <source>ذخیره به نام…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="63"/>
        <source>خروج</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="66"/>
        <source>&amp;ویرایش</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="67"/>
        <source>واگرد</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="69"/>
        <source>ازنو</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="77"/>
        <source>جست‌وجو…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="79"/>
        <source>اشارهٔ بعدی</source>
        <translation>Next mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="81"/>
        <source>اشارهٔ قبلی</source>
        <translation>Previous mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="84"/>
        <source>&amp;نما</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="85"/>
        <source>بزرگ‌نمایی</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="87"/>
        <source>کوچک‌نمایی</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="89"/>
        <source>اندازهٔ عادی</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="93"/>
        <source>پوستهٔ روشن</source>
        <translation>Light theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="94"/>
        <source>پوستهٔ تیره</source>
        <translation>Dark theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="105"/>
        <source>&amp;راهنما</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="106"/>
        <location filename="../../reader/ui/actions.py" line="141"/>
        <source>دربارهٔ خوانا</source>
        <translation>About Khana</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="119"/>
        <source>(خالی)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="123"/>
        <source>پاک کردن فهرست</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="129"/>
        <source>&lt;div dir=&apos;rtl&apos;&gt;
&lt;h3&gt;خوانا&lt;/h3&gt;
&lt;p&gt;خبرخوان فارسی با نمایش نام‌ها، نقل قول‌ها و تاریخ‌ها.&lt;/p&gt;
&lt;p&gt;قلم &lt;b&gt;وزیرمتن&lt;/b&gt; (Vazirmatn) از صابر راستی‌کردار، با پروانهٔ SIL Open Font License 1.1.&lt;/p&gt;
&lt;p&gt;تشخیص نام‌ها با پیکرهٔ پیما آموخته شده است:&lt;br&gt;
Shahshahani, M. S., Mohseni, M., Shakery, A., Faili, H.
&lt;i&gt;PEYMA: A Tagged Corpus for Persian Named Entities&lt;/i&gt;. arXiv:1801.09936, 2018.&lt;/p&gt;
&lt;p&gt;پردازش متن فارسی با hazm.&lt;/p&gt;
&lt;/div&gt;</source>
        <translation>&lt;div&gt;
&lt;h3&gt;Khana&lt;/h3&gt;
&lt;p&gt;A reader for Persian news that shows names, quotes and dates.&lt;/p&gt;
&lt;p&gt;Font &lt;b&gt;Vazirmatn&lt;/b&gt; by Saber Rastikerdar, under the SIL Open Font License 1.1.&lt;/p&gt;
&lt;p&gt;Names are recognised with a model trained on the PEYMA corpus:&lt;br&gt;
Shahshahani, M. S., Mohseni, M., Shakery, A., Faili, H.
&lt;i&gt;PEYMA: A Tagged Corpus for Persian Named Entities&lt;/i&gt;. arXiv:1801.09936, 2018.&lt;/p&gt;
&lt;p&gt;Persian text processing by hazm.&lt;/p&gt;
&lt;/div&gt;</translation>
    </message>
</context>
<context>
    <name>MentionsPanel</name>
    <message>
        <location filename="../../reader/ui/mentions.py" line="122"/>
        <source>برای دیدن اشاره‌ها، یک نام را برگزینید.</source>
        <translation>Select a name to see its mentions.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mentions.py" line="131"/>
        <source>%1 اشاره</source>
        <translation>%1 mention(s)</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="132"/>
        <source>پالایش نام یا نقش…</source>
        <translation>Filter by name or role…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="135"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="135"/>
        <source>نقش</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="135"/>
        <source>اشاره</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="135"/>
        <source>نقل قول</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="153"/>
        <source>شخصی پیدا نشد</source>
        <translation>No people found</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="164"/>
        <source>تغییر نام…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="166"/>
        <source>تعیین نقش…</source>
        <translation>Set role…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="168"/>
        <source>ادغام افراد انتخاب‌شده</source>
        <translation>Merge selected people</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="316"/>
        <source>نمایش اشاره‌ها</source>
        <translation>Show mentions</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="322"/>
        <source>ادغام در…</source>
        <translation>Merge into…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="340"/>
        <source>تغییر نام</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="340"/>
        <source>نام تازه برای «%1»:</source>
        <translation>New name for “%1”:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="353"/>
        <source>تعیین نقش</source>
        <translation>Set role</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="353"/>
        <source>نقش «%1»:</source>
        <translation>Role of “%1”:</translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="395"/>
        <source>نقل قولی نیست</source>
        <translation>No quotes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="421"/>
        <source>نامشخص</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="445"/>
        <source>همه</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../reader/ui/timeline_layout.py" line="295"/>
        <source>تاریخ خبر: %1</source>
        <translation>Article date: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline_layout.py" line="380"/>
        <source>بدون تاریخ روشن:</source>
        <translation>Unresolved dates:</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../reader/ui/timeline.py" line="224"/>
        <source>تاریخ‌های نسبی این خبر («امروز»، «هفتهٔ گذشته»…) با تعیین تاریخ خبر بر گاه‌شمار می‌نشینند</source>
        <translation>Relative dates in this article (“today”, “last week”…) appear on the timeline once the article date is set</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline.py" line="225"/>
        <source>تاریخ مشخصی در این خبر نیامده است</source>
        <translation>This article names no specific date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline.py" line="237"/>
        <source>و %1 اشاره‌ی دیگر</source>
        <translation>and %1 more</translation>
    </message>
</context>
</TS>
