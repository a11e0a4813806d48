<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AllocationChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="114"/>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="114"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="114"/>
        <source>After trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="117"/>
        <source>Per ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="118"/>
        <source>Per sleeve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="119"/>
        <source>Allocation: current, target and after the trades</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarsChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="86"/>
        <source>% of portfolio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="355"/>
        <source>Allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="356"/>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="357"/>
        <source>Frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="358"/>
        <source>Growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="359"/>
        <source>Drawdown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConstraintsPanel</name>
    <message>
        <location filename="../../gui/panels/constraints.py" line="42"/>
        <source>Constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="57"/>
        <source>Volatility cap: the most the portfolio may swing in a typical year (annualized standard deviation of returns). Lower means calmer but further from your targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="61"/>
        <source>Volatility cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="65"/>
        <source>Turnover cap: at most this much of the portfolio&apos;s value traded (buys + sells).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="67"/>
        <source>Turnover cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="68"/>
        <source> bps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="70"/>
        <source>Estimated trading cost per trade in basis points: 1 bp = 0.01 % of the amount traded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="72"/>
        <source>Trading cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="74"/>
        <source>Trades smaller than this are not worth making and are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="75"/>
        <source>Minimum trade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="77"/>
        <source>Cash buffer: cash that must remain in the account after trading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="78"/>
        <source>Cash buffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="79"/>
        <source>Whole shares only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="81"/>
        <source>Round every trade to whole shares (most brokers need this for ETFs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="87"/>
        <source>Full rebalance (buy and sell)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="88"/>
        <source>Buy only (invest new cash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="89"/>
        <source>Sell only (raise cash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="90"/>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="93"/>
        <source>Positive: new money you add (contribution). Negative: money you take out (withdrawal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="95"/>
        <source>Add (+) / withdraw (−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="96"/>
        <source>Rebalance even when inside the bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="98"/>
        <source>Normally nothing is traded while every holding is inside its drift band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="131"/>
        <source>Use this limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="28"/>
        <source>Import holdings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="33"/>
        <source>{n} holdings read from {src}. They will replace the current holdings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="41"/>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="42"/>
        <source>Shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="43"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="56"/>
        <source>market price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="64"/>
        <source>Replace holdings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="73"/>
        <source>&lt;h3&gt;Coresat {version}&lt;/h3&gt;&lt;p&gt;Core/satellite small-cap rebalancing under a volatility limit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data sources&lt;/b&gt;: prices from Yahoo Finance (via yfinance) when online, kept in a local price store; otherwise the bundled &lt;i&gt;simulated&lt;/i&gt; demo data, which is not real market data.&lt;/p&gt;&lt;p&gt;&lt;b&gt;{disclaimer}&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="84"/>
        <source>About Coresat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrontierChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="179"/>
        <source>Volatility vs tracking error: how close to the targets each risk level allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="182"/>
        <source>Volatility (annualized, %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="183"/>
        <source>Tracking error (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="186"/>
        <location filename="../../gui/panels/charts.py" line="265"/>
        <source>Frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="195"/>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="195"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="195"/>
        <source>Proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="240"/>
        <source>cap {cap}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="269"/>
        <source>{name}: volatility {vol}, tracking error {te}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoldingsPanel</name>
    <message>
        <location filename="../../gui/panels/holdings.py" line="35"/>
        <source>Holdings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="50"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="51"/>
        <source>Add a holding by its ticker symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="52"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="53"/>
        <source>Remove the selected holding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="54"/>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="55"/>
        <source>Replace holdings from a CSV file: ticker, shares[, price]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="68"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="125"/>
        <source>Add holding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="125"/>
        <source>Ticker symbol (for example VBR):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="132"/>
        <source>{text} is not a ticker symbol: use letters, digits, &apos;.&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="137"/>
        <source>{ticker} is already in the table: edit its shares instead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/mainwindow.py" line="96"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="97"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="98"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="99"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="101"/>
        <source>&amp;Import Holdings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="104"/>
        <source>Replace the holdings from a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="107"/>
        <source>&amp;Export Trades…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="110"/>
        <source>Save the proposed trades as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="112"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="113"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="114"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="115"/>
        <source>&amp;Refresh Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="116"/>
        <source>Use &amp;Demo Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="118"/>
        <source>&amp;About Coresat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="122"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="124"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="131"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="133"/>
        <source>&amp;Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="135"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="143"/>
        <location filename="../../gui/mainwindow.py" line="162"/>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="185"/>
        <source>Last solve: {ms} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="206"/>
        <source>unknown date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="208"/>
        <source>Data: {src} · prices as of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="219"/>
        <source>Market data not updated: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="221"/>
        <source>Data: not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="226"/>
        <source>market data: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="236"/>
        <source>Refreshing prices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="236"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="237"/>
        <source>Refresh prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="254"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="255"/>
        <source>Save the changes to this scenario first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="266"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="272"/>
        <source>Open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="280"/>
        <source>Cannot open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="292"/>
        <source>Save scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="303"/>
        <source>Cannot save scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="306"/>
        <source>Saved {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="311"/>
        <source>Import holdings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="321"/>
        <source>Holdings not imported from {name}: {msg}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="323"/>
        <source>Holdings not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="339"/>
        <source>Export trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="351"/>
        <source>Cannot export trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="353"/>
        <source>Trades saved to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="367"/>
        <source>not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PathChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="281"/>
        <source>Growth of $10,000 on the price history: current vs proposed weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="283"/>
        <source>Drawdown: fall from the previous high, current vs proposed weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="292"/>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="295"/>
        <source>Proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="298"/>
        <source>No price history for this scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="339"/>
        <source>{day}: current {b}, proposed {a}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemLabel</name>
    <message>
        <location filename="../../gui/panels/problems.py" line="106"/>
        <source>Use {value}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../gui/panels/result.py" line="27"/>
        <source>Proposed trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="37"/>
        <source>Volatility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="38"/>
        <source>Tracking error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="39"/>
        <source>Trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="40"/>
        <source>Est. cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="41"/>
        <source>Turnover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="42"/>
        <source>Cash after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="46"/>
        <source>How much the portfolio may swing in a typical year (annualized), before → after, against your cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="48"/>
        <source>How far the portfolio&apos;s returns may stray from the target mix in a typical year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="49"/>
        <source>Value traded (buys + sells) as a share of the portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="116"/>
        <source>no result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="118"/>
        <source>Cannot compute trades: {msg}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="131"/>
        <source>the constraints cannot all hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="133"/>
        <source>Not possible as set: {msg}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="139"/>
        <source>No trades needed: every holding and sleeve is inside its drift band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="146"/>
        <source>{n} trades proposed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="146"/>
        <source>1 trade proposed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="153"/>
        <source>&lt;b&gt;What limits the result&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="156"/>
        <source>No constraint binds: the targets are reached as set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="159"/>
        <source>unknown date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="161"/>
        <source>Prices: {src}, {date}. Risk: {window}, {est}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="172"/>
        <source>cap {cap}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="174"/>
        <source>no cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="176"/>
        <source>Volatility ({cap})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="151"/>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="151"/>
        <source>After trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="154"/>
        <source>Risk contribution: each holding&apos;s share of the portfolio&apos;s ups and downs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="156"/>
        <source>% of portfolio risk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableModels</name>
    <message>
        <location filename="../../gui/tablemodels.py" line="104"/>
        <location filename="../../gui/tablemodels.py" line="333"/>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="105"/>
        <location filename="../../gui/tablemodels.py" line="334"/>
        <source>Shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="106"/>
        <location filename="../../gui/tablemodels.py" line="335"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="107"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="108"/>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="109"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="110"/>
        <source>Drift (pts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="111"/>
        <source>No buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="112"/>
        <source>No sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="131"/>
        <source>Weight minus target, in percentage points; orange when outside its band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="134"/>
        <source>Your own price if you typed one, else the market price (grey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="137"/>
        <source>Never buy this ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="138"/>
        <source>Never sell this ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="230"/>
        <source>No price or risk data for this ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="248"/>
        <source>outside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="250"/>
        <source>inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="252"/>
        <source>Drift {drift}; band ±{band}: {where} its band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="332"/>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="336"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="337"/>
        <source>Est. cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="338"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="359"/>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="361"/>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <location filename="../../gui/panels/targets.py" line="71"/>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="82"/>
        <source>Preset (core / satellites):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="84"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="102"/>
        <source>Moving the core: satellites share the rest. Moving a satellite: the core takes the difference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="126"/>
        <source>now → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="128"/>
        <source>Share of the whole portfolio in %: held now → after the proposed trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="136"/>
        <source>Small caps&apos; share of the whole portfolio; the outside sleeves share the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="138"/>
        <source>Small caps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="141"/>
        <source>core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="142"/>
        <source>satellite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="143"/>
        <source>outside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="147"/>
        <source>Share of the small-cap sleeve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="149"/>
        <source>Share of the whole portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="168"/>
        <source>{ticker}&apos;s share of the {sleeve} sleeve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="254"/>
        <source>Core {core} + satellites {sats} = {total} of small caps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="259"/>
        <source>Small caps {sc} + outside {out} = {total} of the portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="285"/>
        <source>{name}: {now} of the portfolio now, {after} after the trades; target {target}{band}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="291"/>
        <source> (outside its band)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
