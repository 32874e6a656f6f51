<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArticleView</name>
    <message numerus="yes">
        <location filename="../../reader/ui/article_menu.py" line="27"/>
        <source>%n اشاره</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_menu.py" line="51"/>
        <source>علامت‌گذاری به عنوان</source>
        <translation>Mark as</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_menu.py" line="58"/>
        <source>حذف این اشاره</source>
        <translation>Remove this mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_menu.py" line="61"/>
        <source>تغییر نوع</source>
        <translation>Change type</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_menu.py" line="68"/>
        <source>پیوستن به</source>
        <translation>Attach to</translation>
    </message>
</context>
<context>
    <name>ConverterWidget</name>
    <message>
        <location filename="../../reader/ui/converter.py" line="57"/>
        <source>مثلاً ۲۲ شهریور ۱۴۰۲ یا 2023-09-13</source>
        <translation>e.g. ۲۲ شهریور ۱۴۰۲ or 2023-09-13</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="58"/>
        <source>تاریخ شمسی یا میلادی، مثلاً ۱۴۰۲/۰۶/۲۲ یا ۲۲ شهریور ۱۴۰۲ یا 2023-09-13</source>
        <translation>A Jalali or Gregorian date, e.g. ۱۴۰۲/۰۶/۲۲, ۲۲ شهریور ۱۴۰۲ or 2023-09-13</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="72"/>
        <source>شمسی:</source>
        <translation>Jalali:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="73"/>
        <source>میلادی:</source>
        <translation>Gregorian:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="74"/>
        <source>روز هفته:</source>
        <translation>Weekday:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="75"/>
        <source>قمری (جدولی، تقریبی):</source>
        <translation>Hijri (tabular, approximate):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="77"/>
        <source>تبدیل تاریخ</source>
        <translation>Date converter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="92"/>
        <source>تنظیم تاریخ خبر</source>
        <translation>Set article date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="94"/>
        <source>تاریخ خبر</source>
        <translation>Article date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="161"/>
        <source>پیشنهاد: تازه‌ترین تاریخ کامل متن</source>
        <translation>Suggested: the latest full date in the text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="161"/>
        <source>پیشنهاد: امروز؛ تاریخ کاملی در متن نیامده</source>
        <translation>Suggested: today; the text names no full date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="176"/>
        <source>تاریخ خبر تعیین نشده است</source>
        <translation>The article date is not set</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="181"/>
        <source>اکنون: %1 %2 (%3)</source>
        <translation>Currently: %1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/converter.py" line="207"/>
        <source>تعیین‌شده به دست شما</source>
        <translation>set by you</translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="210"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="210"/>
        <source>اشاره</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="236"/>
        <source>نامی پیدا نشد</source>
        <translation>No names found</translation>
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
        <location filename="../../reader/ui/entity_types.py" line="27"/>
        <source>مکان</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="28"/>
        <source>سازمان</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="28"/>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="29"/>
        <source>زمان</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="30"/>
        <source>اشخاص</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="31"/>
        <source>مکان‌ها</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="31"/>
        <source>سازمان‌ها</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="32"/>
        <source>تاریخ‌ها</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="32"/>
        <source>نقل قول</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="33"/>
        <source>نقل قول‌ها</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="29"/>
        <source>پول</source>
        <translation>Money</translation>
    </message>
    <message>
        <location filename="../../reader/ui/entity_types.py" line="30"/>
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
        <location filename="../../reader/ui/legend.py" line="93"/>
        <source>نمایش:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/legend.py" line="100"/>
        <source>نمایش یا پنهان کردن رنگ «%1» در متن</source>
        <translation>Show or hide the “%1” colour in the text</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="132"/>
        <location filename="../../reader/ui/main_window.py" line="134"/>
        <source>در حال بارگذاری…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="170"/>
        <source>بدون پرونده</source>
        <translation>No file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="171"/>
        <source>خوانا</source>
        <translation>Khana</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="200"/>
        <source>در حال باز کردن %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="217"/>
        <source>در حال باز کردن…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="259"/>
        <source>در حال تحلیل متن…</source>
        <translation>Analysing the text…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="234"/>
        <location filename="../../reader/ui/main_window.py" line="267"/>
        <location filename="../../reader/ui/main_window.py" line="288"/>
        <source>در حال تحلیل…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="299"/>
        <source>تحلیل کامل شد</source>
        <translation>Analysis complete</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="326"/>
        <location filename="../../reader/ui/main_window.py" line="327"/>
        <source>تحلیل لغو شد</source>
        <translation>Analysis cancelled</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="322"/>
        <source>تحلیل ناموفق بود: %1</source>
        <translation>Analysis failed: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="239"/>
        <source>نسخهٔ ذخیره‌شده باز شد</source>
        <translation>Saved copy opened</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="241"/>
        <source>متنی نیست</source>
        <translation>No text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="242"/>
        <source>این پرونده متنی ندارد: %1</source>
        <translation>This file holds no text: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="249"/>
        <source>اصلاحات ذخیره‌نشده بازیابی شد</source>
        <translation>Unsaved corrections restored</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="278"/>
        <source>تحلیل دوباره اصلاحات این خبر را کنار می‌گذارد. ادامه می‌دهید؟</source>
        <translation>Analysing again discards this article's corrections. Go on?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="321"/>
        <source>تحلیل ناموفق بود</source>
        <translation>Analysis failed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="339"/>
        <source>باز کردن ناموفق</source>
        <translation>Could not open</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="346"/>
        <source>بازیابی اصلاحات</source>
        <translation>Restore corrections</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="347"/>
        <source>اصلاحات ذخیره‌نشده‌ای از آخرین بار برای این خبر پیدا شد. بازیابی شوند؟</source>
        <translation>Unsaved corrections to this article were found from last time. Restore them?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="363"/>
        <source>آماده</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="366"/>
        <source>بارگذاری تحلیلگر ناموفق بود: %1</source>
        <translation>Could not load the analyser: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="390"/>
        <source>از خود صفحهٔ خبر</source>
        <translation>from the article's page</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="392"/>
        <source>از سطر تاریخ متن</source>
        <translation>from the text's date line</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="393"/>
        <source>تعیین‌شده به دست شما</source>
        <translation>set by you</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="427"/>
        <source>علامت‌گذاری %1</source>
        <translation>Mark as %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="432"/>
        <source>حذف اشاره</source>
        <translation>Remove mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="436"/>
        <source>تغییر نوع</source>
        <translation>Change type</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="440"/>
        <source>پیوستن اشاره</source>
        <translation>Attach mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="444"/>
        <source>ادغام</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="448"/>
        <source>تغییر نام</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="452"/>
        <source>تغییر نقش</source>
        <translation>Set role</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="457"/>
        <source>تاریخ خبر</source>
        <translation>Article date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="471"/>
        <source>%1 اشاره</source>
        <translation>%1 mention(s)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="483"/>
        <source>نخست روی یک نام کلیک کنید</source>
        <translation>Click a name first</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="494"/>
        <source>%1 از %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="88"/>
        <location filename="../../reader/ui/main_window.py" line="581"/>
        <source>ذخیرهٔ نسخهٔ حاشیه‌نویسی‌شده</source>
        <translation>Save annotated copy</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="581"/>
        <source>نسخهٔ خوانا (*.khana.html *.html)</source>
        <translation>Khana copy (*.khana.html *.html)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="585"/>
        <location filename="../../reader/ui/main_window.py" line="610"/>
        <source>ذخیره نشد</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="586"/>
        <source>پروندهٔ اصلی خبر بازنویسی نمی‌شود؛ نام دیگری برگزینید.</source>
        <translation>The original article is never overwritten; choose another name.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="591"/>
        <source>در حال ذخیره…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="604"/>
        <source>ذخیره شد: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="92"/>
        <location filename="../../reader/ui/main_window.py" line="616"/>
        <source>برون‌بری</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="622"/>
        <source>برون‌بری شد: %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="623"/>
        <source>، </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="624"/>
        <source>در حال برون‌بری…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="640"/>
        <source>اصلاحات ذخیره نشده</source>
        <translation>Unsaved corrections</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="641"/>
        <source>اصلاحات این خبر ذخیره نشده است. ذخیره شود؟</source>
        <translation>The corrections to this article are not saved. Save them?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="694"/>
        <source>باز کردن خبر</source>
        <translation>Open article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="695"/>
        <source>خبرها (*.txt *.html *.htm *.md);;نسخه‌های خوانا (*.khana.html *.json);;همهٔ پرونده‌ها (*)</source>
        <translation>Articles (*.txt *.html *.htm *.md);;Khana copies (*.khana.html *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="41"/>
        <source>افراد</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="42"/>
        <source>نقل قول‌ها</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="43"/>
        <source>نام‌ها</source>
        <translation>Names</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="44"/>
        <source>اشاره‌ها</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="45"/>
        <source>گاه‌شمار</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="165"/>
        <source>بستن «%1» (از منوی نما برمی‌گردد)</source>
        <translation>Close “%1” (View brings it back)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="166"/>
        <source>جدا کردن «%1» در پنجره‌ای جدا یا بازگرداندن آن</source>
        <translation>Float “%1” in its own window, or dock it again</translation>
    </message>
    <message>
        <location filename="../../reader/ui/docks.py" line="173"/>
        <source>نمایش یا پنهان کردن «%1»</source>
        <translation>Show or hide “%1”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="77"/>
        <source>&amp;پرونده</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="78"/>
        <source>باز کردن…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="80"/>
        <location filename="../../reader/ui/main_window.py" line="277"/>
        <source>تحلیل دوباره</source>
        <translation>Analyse again</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="84"/>
        <source>پرونده‌های اخیر</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="90"/>
        <source>ذخیره به نام…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="96"/>
        <source>خروج</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="99"/>
        <source>&amp;ویرایش</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="100"/>
        <source>واگرد</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="102"/>
        <source>ازنو</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="110"/>
        <source>جست‌وجو…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="112"/>
        <source>اشارهٔ بعدی</source>
        <translation>Next mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="114"/>
        <source>اشارهٔ قبلی</source>
        <translation>Previous mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="117"/>
        <source>&amp;نما</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="118"/>
        <source>بزرگ‌نمایی</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="120"/>
        <source>کوچک‌نمایی</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="122"/>
        <source>اندازهٔ عادی</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="126"/>
        <source>پوستهٔ روشن</source>
        <translation>Light theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="127"/>
        <source>پوستهٔ تیره</source>
        <translation>Dark theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="135"/>
        <source>تغییر پوسته</source>
        <translation>Switch theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="141"/>
        <source>&amp;راهنما</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="142"/>
        <source>میان‌برهای صفحه‌کلید</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="144"/>
        <location filename="../../reader/ui/actions.py" line="185"/>
        <source>دربارهٔ خوانا</source>
        <translation>About Khana</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="157"/>
        <source>(خالی)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="161"/>
        <source>پاک کردن فهرست</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="167"/>
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
        <location filename="../../reader/ui/mentions.py" line="136"/>
        <source>%1 اشاره</source>
        <translation>%1 mention(s)</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../reader/ui/people.py" line="48"/>
        <source>پالایش نام یا نقش…</source>
        <translation>Filter by name or role…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="51"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="51"/>
        <source>نقش</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="51"/>
        <source>اشاره</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="51"/>
        <source>نقل قول</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="70"/>
        <location filename="../../reader/ui/people.py" line="115"/>
        <source>شخصی پیدا نشد</source>
        <translation>No people found</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="81"/>
        <source>تغییر نام…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="83"/>
        <source>تعیین نقش…</source>
        <translation>Set role…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="85"/>
        <source>ادغام افراد انتخاب‌شده</source>
        <translation>Merge selected people</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="239"/>
        <source>نمایش اشاره‌ها</source>
        <translation>Show mentions</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="245"/>
        <source>ادغام در…</source>
        <translation>Merge into…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="263"/>
        <source>تغییر نام</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="263"/>
        <source>نام تازه برای «%1»:</source>
        <translation>New name for “%1”:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="276"/>
        <source>تعیین نقش</source>
        <translation>Set role</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people.py" line="276"/>
        <source>نقش «%1»:</source>
        <translation>Role of “%1”:</translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="68"/>
        <location filename="../../reader/ui/sidebar.py" line="92"/>
        <source>نقل قولی نیست</source>
        <translation>No quotes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="105"/>
        <source>نامشخص</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sidebar.py" line="129"/>
        <source>همه</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../reader/ui/status.py" line="76"/>
        <source>لغو</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="77"/>
        <source>کار در جریان را متوقف کن</source>
        <translation>Stop the work in progress</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="78"/>
        <source>تحلیل دوباره</source>
        <translation>Analyse again</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="80"/>
        <source>متن باز را دوباره تحلیل کن (F5)</source>
        <translation>Analyse the open text again (F5)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/status.py" line="143"/>
        <source>%1٪</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../reader/ui/timeline_layout.py" line="312"/>
        <source>تاریخ خبر: %1</source>
        <translation>Article date: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline_layout.py" line="413"/>
        <source>بدون تاریخ روشن:</source>
        <translation>Unresolved dates:</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../reader/ui/timeline.py" line="366"/>
        <source>تاریخ‌های نسبی این خبر («امروز»، «هفتهٔ گذشته»…) با تعیین تاریخ خبر بر گاه‌شمار می‌نشینند</source>
        <translation>Relative dates in this article (“today”, “last week”…) appear on the timeline once the article date is set</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline.py" line="367"/>
        <source>تاریخ مشخصی در این خبر نیامده است</source>
        <translation>This article names no specific date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline.py" line="379"/>
        <source>و %1 اشاره‌ی دیگر</source>
        <translation>and %1 more</translation>
    </message>
</context>
<context>
    <name>Toolbar</name>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="45"/>
        <source>باز کردن</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="46"/>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="47"/>
        <source>جست‌وجو</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="48"/>
        <source>اشارهٔ قبلی</source>
        <translation>Previous mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="49"/>
        <source>اشارهٔ بعدی</source>
        <translation>Next mention</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="52"/>
        <source>پوسته</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="64"/>
        <source> یا </source>
        <translation> or </translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="69"/>
        <source>نوار ابزار</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="104"/>
        <source>افراد: تغییر نام</source>
        <translation>People: rename</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="105"/>
        <source>افراد: تعیین نقش</source>
        <translation>People: set role</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="106"/>
        <source>افراد: ادغام انتخاب‌شده‌ها</source>
        <translation>People: merge the selected</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="107"/>
        <source>گاه‌شمار: تاریخ بعدی / قبلی</source>
        <translation>Timeline: next / previous date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="107"/>
        <source>← / →</source>
        <translation>← / →</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="108"/>
        <source>گاه‌شمار: بزرگ‌نمایی / کوچک‌نمایی / همه</source>
        <translation>Timeline: zoom in / out / all</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="109"/>
        <source>گاه‌شمار: جابه‌جایی</source>
        <translation>Timeline: pan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="109"/>
        <source>Shift + چرخ موشواره</source>
        <translation>Shift + mouse wheel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="110"/>
        <source>بستن نوار جست‌وجو</source>
        <translation>Close the find bar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="120"/>
        <source>میان‌برهای صفحه‌کلید</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="123"/>
        <source>کار</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../reader/ui/toolbar.py" line="123"/>
        <source>کلید</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>TimelineList</name>
    <message>
        <location filename="../../reader/ui/timeline_list.py" line="41"/>
        <source>در متن</source>
        <translation>In the text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline_list.py" line="42"/>
        <source>خورشیدی</source>
        <translation>Jalali</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline_list.py" line="43"/>
        <source>میلادی</source>
        <translation>Gregorian</translation>
    </message>
    <message>
        <location filename="../../reader/ui/timeline_list.py" line="67"/>
        <source>نامعلوم</source>
        <translation>Unknown</translation>
    </message>
</context>
</TS>
