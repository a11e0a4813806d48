<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <location filename="../../gui/panels/backtest.py" line="249"/>
        <source>Days the policy traded for reasons other than a cash flow</source>
        <translation>현금 흐름 이외의 이유로 정책이 거래한 날 수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="252"/>
        <source>Trades</source>
        <translation>거래</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="254"/>
        <source>Turnover / year</source>
        <translation>연간 회전율</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="255"/>
        <source>One-way: half of (buys + sells) / that day&apos;s value, summed, per year</source>
        <translation>편도 기준: (매수 + 매도)의 절반 / 그날의 가치, 합산, 연간</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="258"/>
        <source>Costs</source>
        <translation>비용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="258"/>
        <source>Trading costs over the whole run</source>
        <translation>전체 기간의 거래 비용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="260"/>
        <source>Costs, bp / year</source>
        <translation>비용, 연간 bp</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="261"/>
        <source>Costs / average value / years × 10,000</source>
        <translation>비용 / 평균 가치 / 연수 × 10,000</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="265"/>
        <source>Max drift</source>
        <translation>최대 이탈</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="266"/>
        <source>Largest distance of any holding from its target, at a close before that day&apos;s trades</source>
        <translation>그날 거래 전 종가 기준, 목표에서 가장 멀리 벗어난 보유 종목의 거리</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="269"/>
        <source>Mean drift</source>
        <translation>평균 이탈</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="271"/>
        <source>Realized volatility</source>
        <translation>실현 변동성</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="272"/>
        <source>Annualized, of daily time-weighted returns</source>
        <translation>일별 시간가중 수익률의 연율</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="275"/>
        <source>Highest 1-year volatility</source>
        <translation>1년 변동성 최고치</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="276"/>
        <source>Volatility cap</source>
        <translation>변동성 상한</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="278"/>
        <source>Tracking error</source>
        <translation>추적 오차</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="279"/>
        <source>Annualized, to the targets held exactly every day</source>
        <translation>매일 목표를 정확히 유지한 경우 대비, 연율</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="282"/>
        <source>CAGR</source>
        <translation>연평균 성장률</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="282"/>
        <source>Time-weighted: cash flows are not gains</source>
        <translation>시간가중: 현금 흐름은 수익이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="283"/>
        <source>Max drawdown</source>
        <translation>최대 낙폭</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="284"/>
        <source>  peak</source>
        <translation>  고점</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="285"/>
        <source>  trough</source>
        <translation>  저점</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="287"/>
        <source>  regained</source>
        <translation>  회복</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="289"/>
        <source>not yet</source>
        <translation>아직</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="291"/>
        <source>Worst month</source>
        <translation>최악의 달</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="292"/>
        <source>  in</source>
        <translation>  시기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="293"/>
        <source>End value</source>
        <translation>최종 가치</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="295"/>
        <source>No feasible trade</source>
        <translation>가능한 거래 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="296"/>
        <source>Check days on which the optimizer found no trades within the limits</source>
        <translation>최적화기가 한도 안에서 거래를 찾지 못한 날을 확인하세요</translation>
    </message>
</context>
<context>
    <name>AllocationChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="142"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="142"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="142"/>
        <source>After trades</source>
        <translation>거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="145"/>
        <source>Per ticker</source>
        <translation>티커별</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="146"/>
        <source>Per sleeve</source>
        <translation>슬리브별</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="147"/>
        <source>Allocation: current, target and after the trades</source>
        <translation>배분: 현재, 목표, 거래 후</translation>
    </message>
</context>
<context>
    <name>BacktestPanel</name>
    <message>
        <location filename="../../gui/panels/backtest.py" line="80"/>
        <source>All nine variants</source>
        <translation>9가지 변형 모두</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="82"/>
        <source>Also monthly and annual calendars and bands checked monthly (default: one of each kind)</source>
        <translation>월간·연간 달력 방식과 매월 점검하는 범위 방식도 포함 (기본: 종류별로 하나씩)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="90"/>
        <source>Contribution (+) or withdrawal (−) on the first trading day of each month</source>
        <translation>매월 첫 거래일의 납입 (+) 또는 인출 (−)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="93"/>
        <source>from today&apos;s holdings</source>
        <translation>현재 보유 종목에서</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="93"/>
        <source>from the targets</source>
        <translation>목표에서</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="94"/>
        <source>Run backtest</source>
        <translation>백테스트 실행</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="95"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="100"/>
        <source>Monthly flow</source>
        <translation>월간 흐름</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="110"/>
        <source>Run a backtest to see what each policy would have done.</source>
        <translation>백테스트를 실행하면 각 정책이 어떻게 했을지 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="115"/>
        <source>Growth of $10,000</source>
        <translation>$10,000의 성장</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="115"/>
        <source>Drawdown</source>
        <translation>낙폭</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="115"/>
        <source>Drift from targets</source>
        <translation>목표 대비 이탈</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="131"/>
        <source>Side by side</source>
        <translation>나란히 비교</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="132"/>
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="133"/>
        <source>Method and limits</source>
        <translation>방법과 한계</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="158"/>
        <source>Open a scenario and wait for its market data first.</source>
        <translation>먼저 시나리오를 열고 시장 데이터를 기다리세요.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="177"/>
        <source>Replaying…</source>
        <translation>재현 중…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="181"/>
        <source>Backtest cancelled.</source>
        <translation>백테스트를 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="201"/>
        <source>The backtest failed: {e}</source>
        <translation>백테스트에 실패했습니다: {e}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="214"/>
        <source>{start} .. {end} ({years} years) on {source}; monthly flow {flow}</source>
        <translation>{start} .. {end} ({years}년), {source}; 월간 흐름 {flow}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="225"/>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="229"/>
        <source>Limits</source>
        <translation>한계</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="239"/>
        <source>The scenario changed since this backtest ran: run it again to update it.</source>
        <translation>이 백테스트 이후 시나리오가 바뀌었습니다: 다시 실행해 갱신하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="248"/>
        <source>Rebalances</source>
        <translation>리밸런싱 횟수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="336"/>
        <source>points</source>
        <translation>포인트</translation>
    </message>
</context>
<context>
    <name>BarsChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="114"/>
        <source>% of portfolio</source>
        <translation>포트폴리오 비중 (%)</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="82"/>
        <source>no result</source>
        <translation>결과 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="83"/>
        <source>Nothing to chart: {why}</source>
        <translation>표시할 차트가 없습니다: {why}</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../gui/panels/chartspanel.py" line="31"/>
        <source>Allocation</source>
        <translation>배분</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chartspanel.py" line="32"/>
        <source>Risk</source>
        <translation>위험</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chartspanel.py" line="33"/>
        <source>Frontier</source>
        <translation>프런티어</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chartspanel.py" line="34"/>
        <source>Growth</source>
        <translation>성장</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chartspanel.py" line="35"/>
        <source>Drawdown</source>
        <translation>낙폭</translation>
    </message>
</context>
<context>
    <name>ConstraintsPanel</name>
    <message>
        <location filename="../../gui/panels/constraints.py" line="42"/>
        <source>Constraints</source>
        <translation>제약 조건</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="57"/>
        <source>Volatility cap: the most the portfolio may swing in a typical year (annualized standard deviation of returns). Lower means calmer but further from your targets.</source>
        <translation>변동성 상한: 보통의 한 해 동안 포트폴리오가 출렁일 수 있는 최대 폭(연율화한 수익률 표준편차)입니다. 낮을수록 안정적이지만 목표에서 더 멀어집니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="61"/>
        <source>Volatility cap</source>
        <translation>변동성 상한</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="65"/>
        <source>Turnover cap: at most this much of the portfolio&apos;s value traded (buys + sells).</source>
        <translation>회전율 상한: 포트폴리오 가치 중 거래(매수 + 매도)할 수 있는 최대 비율입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="67"/>
        <source>Turnover cap</source>
        <translation>회전율 상한</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="68"/>
        <source> bps</source>
        <translation> bp</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="70"/>
        <source>Estimated trading cost per trade in basis points: 1 bp = 0.01 % of the amount traded.</source>
        <translation>거래당 예상 거래 비용(베이시스 포인트): 1 bp = 거래 금액의 0.01 %.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="72"/>
        <source>Trading cost</source>
        <translation>거래 비용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="74"/>
        <source>Trades smaller than this are not worth making and are left out.</source>
        <translation>이보다 작은 거래는 할 가치가 없어 제외됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="75"/>
        <source>Minimum trade</source>
        <translation>최소 거래 금액</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="77"/>
        <source>Cash buffer: cash that must remain in the account after trading.</source>
        <translation>현금 버퍼: 거래 후 계좌에 남아 있어야 하는 현금입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="78"/>
        <source>Cash buffer</source>
        <translation>현금 버퍼</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="79"/>
        <source>Whole shares only</source>
        <translation>정수 주식만</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="81"/>
        <source>Round every trade to whole shares (most brokers need this for ETFs).</source>
        <translation>모든 거래를 정수 주식 단위로 반올림합니다(대부분의 증권사는 ETF에 이를 요구합니다).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="87"/>
        <source>Full rebalance (buy and sell)</source>
        <translation>전체 리밸런싱(매수와 매도)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="88"/>
        <source>Buy only (invest new cash)</source>
        <translation>매수만(새 현금 투자)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="89"/>
        <source>Sell only (raise cash)</source>
        <translation>매도만(현금 마련)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="90"/>
        <source>Mode</source>
        <translation>방식</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="93"/>
        <source>Positive: new money you add (contribution). Negative: money you take out (withdrawal).</source>
        <translation>양수: 새로 넣는 돈(납입). 음수: 꺼내는 돈(인출).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="95"/>
        <source>Add (+) / withdraw (−)</source>
        <translation>납입 (+) / 인출 (−)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="96"/>
        <source>Rebalance even when inside the bands</source>
        <translation>허용 범위 안에 있어도 리밸런싱</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="98"/>
        <source>Normally nothing is traded while every holding is inside its drift band.</source>
        <translation>보통은 모든 보유 종목이 이탈 허용 범위 안에 있으면 아무것도 거래하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="131"/>
        <source>Use this limit</source>
        <translation>이 한도 사용</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="28"/>
        <source>Import holdings</source>
        <translation>보유 종목 가져오기</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="33"/>
        <source>{n} holdings read from {src}. They will replace the current holdings.</source>
        <translation>{src}에서 보유 종목 {n}개를 읽었습니다. 현재 보유 종목을 대체합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="41"/>
        <source>Ticker</source>
        <translation>티커</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="42"/>
        <source>Shares</source>
        <translation>주식 수</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="43"/>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="56"/>
        <source>market price</source>
        <translation>시장 가격</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="64"/>
        <source>Replace holdings</source>
        <translation>보유 종목 대체</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="73"/>
        <source>&lt;h3&gt;Coresat {version}&lt;/h3&gt;&lt;p&gt;Core/satellite small-cap rebalancing under a volatility limit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data sources&lt;/b&gt;: prices from Yahoo Finance (via yfinance) when online, kept in a local price store; otherwise the bundled &lt;i&gt;simulated&lt;/i&gt; demo data, which is not real market data.&lt;/p&gt;&lt;p&gt;&lt;b&gt;{disclaimer}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coresat {version}&lt;/h3&gt;&lt;p&gt;변동성 한도 아래에서 코어/위성 방식으로 소형주를 리밸런싱합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;데이터 출처&lt;/b&gt;: 온라인일 때는 Yahoo Finance(yfinance 사용)의 가격을 로컬 가격 저장소에 보관하고, 그렇지 않으면 함께 제공되는 &lt;i&gt;모의&lt;/i&gt; 데모 데이터를 사용합니다. 모의 데이터는 실제 시장 데이터가 아닙니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;{disclaimer}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="84"/>
        <source>About Coresat</source>
        <translation>Coresat 정보</translation>
    </message>
</context>
<context>
    <name>ExposurePanel</name>
    <message>
        <location filename="../../gui/panels/exposure.py" line="211"/>
        <source>Sectors through the funds: before, target and after the trades</source>
        <translation>펀드를 통한 섹터 노출: 거래 전, 목표, 거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="212"/>
        <source>Update from Yahoo</source>
        <translation>Yahoo에서 업데이트</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="215"/>
        <source>Download the funds&apos; sector weights, top holdings, P/E and expense ratio from Yahoo into the local cache (needs a network). Until then the bundled, dated snapshot is used.</source>
        <translation>펀드의 섹터 비중, 주요 보유 종목, P/E, 보수율을 Yahoo에서 로컬 캐시로 내려받습니다(네트워크 필요). 그때까지는 함께 제공되는 날짜가 표시된 스냅샷을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="227"/>
        <source>Funds</source>
        <translation>펀드</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="227"/>
        <location filename="../../gui/panels/exposure.py" line="231"/>
        <source>Overlap</source>
        <translation>중복</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="227"/>
        <source>Shared</source>
        <translation>공통</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="227"/>
        <source>Note</source>
        <translation>참고</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="228"/>
        <source>Company</source>
        <translation>기업</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="228"/>
        <source>Before</source>
        <translation>거래 전</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="228"/>
        <source>After</source>
        <translation>거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="228"/>
        <source>Via</source>
        <translation>경유</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="229"/>
        <source>Fund</source>
        <translation>펀드</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="229"/>
        <source>P/E</source>
        <translation>P/E</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="229"/>
        <source>Expense</source>
        <translation>보수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="229"/>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="232"/>
        <source>Companies</source>
        <translation>기업</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="233"/>
        <source>Fund data</source>
        <translation>펀드 데이터</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="273"/>
        <source>No result to look through yet.</source>
        <translation>아직 들여다볼 결과가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="300"/>
        <source>Downloading fund data from Yahoo…</source>
        <translation>Yahoo에서 펀드 데이터를 내려받는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="310"/>
        <source>Updated from Yahoo: {ok}.</source>
        <translation>Yahoo에서 업데이트함: {ok}.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="310"/>
        <location filename="../../gui/panels/exposure.py" line="399"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="312"/>
        <source>Not available: {f}</source>
        <translation>사용할 수 없음: {f}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="322"/>
        <source>Fund data not available: {m}</source>
        <translation>펀드 데이터를 사용할 수 없습니다: {m}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="325"/>
        <source>Fund data not updated: {m}</source>
        <translation>펀드 데이터를 업데이트하지 못했습니다: {m}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="356"/>
        <source>same index ({i}): nearly the same companies</source>
        <translation>같은 지수({i}): 거의 같은 기업</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="358"/>
        <source>at least: top holdings only</source>
        <translation>최소치: 주요 보유 종목만</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="360"/>
        <source>full holdings</source>
        <translation>전체 보유 종목</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="368"/>
        <source>No shared holdings listed</source>
        <translation>공통 보유 종목 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="385"/>
        <location filename="../../gui/panels/exposure.py" line="387"/>
        <location filename="../../gui/panels/exposure.py" line="393"/>
        <source>not available</source>
        <translation>사용할 수 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="393"/>
        <source>no fund data</source>
        <translation>펀드 데이터 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="399"/>
        <source>Data: {s}</source>
        <translation>데이터: {s}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="406"/>
        <location filename="../../gui/panels/exposure.py" line="409"/>
        <source>n/a</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="411"/>
        <source>P/E (weighted harmonic) {b} → target {t} → after {a}</source>
        <translation>P/E(가중 조화평균) {b} → 목표 {t} → 거래 후 {a}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="415"/>
        <source> · {name} {pe}</source>
        <translation> · {name} {pe}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="416"/>
        <source> · P/B {b} → {a}</source>
        <translation> · P/B {b} → {a}</translation>
    </message>
</context>
<context>
    <name>FrontierChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="207"/>
        <source>Volatility vs tracking error: how close to the targets each risk level allows</source>
        <translation>변동성 대 추적 오차: 위험 수준별로 목표에 얼마나 가까이 갈 수 있는지</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="210"/>
        <source>Volatility (annualized, %)</source>
        <translation>변동성 (연율, %)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="211"/>
        <source>Tracking error (%)</source>
        <translation>추적 오차 (%)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="214"/>
        <location filename="../../gui/panels/charts.py" line="304"/>
        <source>Frontier</source>
        <translation>프런티어</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="223"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="223"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="223"/>
        <source>Proposed</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="278"/>
        <source>cap {cap}</source>
        <translation>상한 {cap}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="308"/>
        <source>{name}: volatility {vol}, tracking error {te}</source>
        <translation>{name}: 변동성 {vol}, 추적 오차 {te}</translation>
    </message>
</context>
<context>
    <name>HoldingsPanel</name>
    <message>
        <location filename="../../gui/panels/holdings.py" line="39"/>
        <source>Holdings</source>
        <translation>보유 종목</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="55"/>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="56"/>
        <source>Add a holding by its ticker symbol</source>
        <translation>티커로 보유 종목 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="57"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="58"/>
        <source>Remove the selected holding</source>
        <translation>선택한 보유 종목 삭제</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="59"/>
        <source>Import CSV…</source>
        <translation>CSV 가져오기…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="60"/>
        <source>Replace holdings from a CSV file: ticker, shares[, price]</source>
        <translation>CSV 파일로 보유 종목 대체: 티커, 주식 수[, 가격]</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="73"/>
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="129"/>
        <source>Add holding</source>
        <translation>보유 종목 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="168"/>
        <source>Not in your targets</source>
        <translation>목표에 없는 종목</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="171"/>
        <source>{ticker} is not in your targets. Add it to a sleeve, or sell it?</source>
        <translation>{ticker}은(는) 목표에 없습니다. 슬리브에 추가할까요, 아니면 매도할까요?</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="176"/>
        <source>A holding without a target is sold by the rebalance (unless you mark it No sell).</source>
        <translation>목표가 없는 보유 종목은 리밸런싱에서 매도됩니다(매도 금지로 표시하지 않은 경우).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="178"/>
        <source>Add to a sleeve…</source>
        <translation>슬리브에 추가…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="179"/>
        <source>Sell it</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="188"/>
        <source>Add to a sleeve</source>
        <translation>슬리브에 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="189"/>
        <source>Sleeve for {ticker}:</source>
        <translation>{ticker}의 슬리브:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="145"/>
        <source>{text} is not a ticker symbol: use letters, digits, &apos;.&apos; or &apos;-&apos;</source>
        <translation>{text}은(는) 티커가 아닙니다: 문자, 숫자, &apos;.&apos; 또는 &apos;-&apos;만 쓰세요</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="150"/>
        <source>{ticker} is already in the table: edit its shares instead</source>
        <translation>{ticker}은(는) 이미 표에 있습니다: 대신 주식 수를 고치세요</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>&amp;Book</source>
        <translation>장부(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>&amp;Open Book…</source>
        <translation>장부 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>&amp;New Book…</source>
        <translation>새 장부(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>Open &amp;My Book</source>
        <translation>내 장부 열기(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>&amp;Review Window</source>
        <translation>검토 창(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>Rebalance &amp;All…</source>
        <translation>전체 리밸런싱(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>&amp;Compare Scenarios…</source>
        <translation>시나리오 비교(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>Export Proposal &amp;PDF…</source>
        <translation>제안서 PDF 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>Select one proposal in the review window first</source>
        <translation>먼저 검토 창에서 제안서 하나를 선택하세요</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>Dask &amp;Scheduler…</source>
        <translation>Dask 스케줄러(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>Run Rebalance All on a Dask cluster instead of local processes</source>
        <translation>전체 리밸런싱을 로컬 프로세스 대신 Dask 클러스터에서 실행합니다</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>Dask scheduler</source>
        <translation>Dask 스케줄러</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="1"/>
        <source>Scheduler address for Rebalance All (e.g. tcp://host:8786); empty: local processes</source>
        <translation>전체 리밸런싱에 쓸 스케줄러 주소 (예: tcp://host:8786). 비워 두면 로컬 프로세스</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="107"/>
        <location filename="../../gui/mainwindow.py" line="569"/>
        <source>Proposed trades</source>
        <translation>제안된 거래</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="136"/>
        <source>Exposure</source>
        <translation>노출</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="173"/>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="174"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="175"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="176"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="178"/>
        <source>&amp;Import Holdings…</source>
        <translation>보유 종목 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="181"/>
        <source>Replace the holdings from a CSV file</source>
        <translation>CSV 파일로 보유 종목 대체</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="184"/>
        <source>Import &amp;Prices…</source>
        <translation>가격 가져오기(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="187"/>
        <source>Add price history from CSV files (Yahoo, yfinance, EODHD or Date,Close layout)</source>
        <translation>CSV 파일에서 가격 이력 추가 (Yahoo, yfinance, EODHD 또는 Date,Close 형식)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="190"/>
        <source>&amp;Export Trades…</source>
        <translation>거래 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="193"/>
        <source>Save the proposed trades as a CSV file</source>
        <translation>제안된 거래를 CSV 파일로 저장</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="195"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="196"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="197"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="199"/>
        <source>Edit &amp;Targets…</source>
        <translation>목표 편집(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="202"/>
        <source>Add, remove or rename sleeves and tickers; roles, bounds, drift bands and notes</source>
        <translation>슬리브와 티커 추가·삭제·이름 변경, 역할, 한도, 이탈 허용 범위, 메모</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="204"/>
        <source>&amp;Refresh Prices</source>
        <translation>가격 새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="205"/>
        <source>Use &amp;Demo Data</source>
        <translation>데모 데이터 사용(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="208"/>
        <source>Reset Damaged Price &amp;Store…</source>
        <translation>손상된 가격 저장소 초기화(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="211"/>
        <source>&amp;About Coresat</source>
        <translation>Coresat 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="215"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="217"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="225"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="229"/>
        <source>&amp;Data</source>
        <translation>데이터(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="231"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="239"/>
        <location filename="../../gui/mainwindow.py" line="260"/>
        <source>Computing…</source>
        <translation>계산 중…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="284"/>
        <source>Last solve: {ms} ms</source>
        <translation>마지막 계산: {ms} ms</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="305"/>
        <source>unknown date</source>
        <translation>날짜 모름</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="307"/>
        <source>Data: {src} · prices as of {date}</source>
        <translation>데이터: {src} · {date} 기준 가격</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="318"/>
        <source>No connection to the internet: prices were not updated.</source>
        <translation>인터넷에 연결되어 있지 않아 가격을 업데이트하지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="320"/>
        <source>Prices were not updated: {m}</source>
        <translation>가격을 업데이트하지 못했습니다: {m}</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="322"/>
        <source>The prices and the result shown are kept.</source>
        <translation>표시된 가격과 결과는 그대로 유지됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="323"/>
        <location filename="../../gui/mainwindow.py" line="325"/>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="571"/>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="326"/>
        <source>Data: not available</source>
        <translation>데이터: 없음</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="331"/>
        <source>market data: {m}</source>
        <translation>시장 데이터: {m}</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="341"/>
        <source>Refreshing prices…</source>
        <translation>가격 새로 고침 중…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="341"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="342"/>
        <source>Refresh prices</source>
        <translation>가격 새로 고침</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="349"/>
        <source>Import prices</source>
        <translation>가격 가져오기</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="360"/>
        <source>Prices imported: {list}.</source>
        <translation>가격을 가져왔습니다: {list}.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="365"/>
        <source>Prices not imported: {m}. Nothing was changed.</source>
        <translation>가격을 가져오지 못했습니다: {m}. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="366"/>
        <source>Choose files…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="394"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="395"/>
        <source>Save the changes to this scenario first?</source>
        <translation>이 시나리오의 변경 사항을 먼저 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="410"/>
        <source>New scenario</source>
        <translation>새 시나리오</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="410"/>
        <source>Start from:</source>
        <translation>시작 템플릿:</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="416"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="436"/>
        <source>Open scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="444"/>
        <location filename="../../gui/mainwindow.py" line="448"/>
        <source>Cannot open scenario</source>
        <translation>시나리오를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="460"/>
        <source>Save scenario</source>
        <translation>시나리오 저장</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="471"/>
        <source>Cannot save scenario</source>
        <translation>시나리오를 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="474"/>
        <source>Saved {name}</source>
        <translation>{name} 저장됨</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="479"/>
        <source>Import holdings</source>
        <translation>보유 종목 가져오기</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="489"/>
        <source>Holdings not imported from {name}: {msg}. Nothing was changed.</source>
        <translation>{name}에서 보유 종목을 가져오지 못했습니다: {msg}. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="491"/>
        <source>Holdings not imported</source>
        <translation>보유 종목을 가져오지 못함</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="507"/>
        <source>Export trades</source>
        <translation>거래 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="519"/>
        <source>Cannot export trades</source>
        <translation>거래를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="521"/>
        <source>Trades saved to {name}</source>
        <translation>거래를 {name}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="535"/>
        <source>not saved</source>
        <translation>저장 안 됨</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../gui/messagebar.py" line="20"/>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>PathChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="320"/>
        <source>Growth of $10,000 on the price history: current vs proposed weights</source>
        <translation>가격 이력에서 $10,000의 성장: 현재 비중 대 제안 비중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="322"/>
        <source>Drawdown: fall from the previous high, current vs proposed weights</source>
        <translation>낙폭: 직전 고점 대비 하락, 현재 비중 대 제안 비중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="331"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="336"/>
        <source>Proposed</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="340"/>
        <source>Simulated prices, not real history</source>
        <translation>모의 가격이며 실제 이력이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="347"/>
        <source>No price history for this scenario</source>
        <translation>이 시나리오에는 가격 이력이 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="393"/>
        <source>{day}: current {b}, proposed {a}</source>
        <translation>{day}: 현재 {b}, 제안 {a}</translation>
    </message>
</context>
<context>
    <name>ProblemLabel</name>
    <message>
        <location filename="../../gui/panels/problems.py" line="106"/>
        <source>Use {value}</source>
        <translation>{value} 사용</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../gui/panels/result.py" line="29"/>
        <source>Proposed trades</source>
        <translation>제안된 거래</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="39"/>
        <source>Volatility</source>
        <translation>변동성</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="40"/>
        <source>Tracking error</source>
        <translation>추적 오차</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="41"/>
        <source>Trades</source>
        <translation>거래</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="42"/>
        <source>Est. cost</source>
        <translation>예상 비용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="43"/>
        <source>Turnover</source>
        <translation>회전율</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="44"/>
        <source>Cash after</source>
        <translation>거래 후 현금</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="48"/>
        <source>How much the portfolio may swing in a typical year (annualized), before → after, against your cap</source>
        <translation>보통의 한 해 동안 포트폴리오가 출렁일 수 있는 정도(연율), 거래 전 → 후, 상한과 비교</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="50"/>
        <source>How far the portfolio&apos;s returns may stray from the target mix in a typical year</source>
        <translation>보통의 한 해 동안 포트폴리오 수익률이 목표 구성에서 벗어날 수 있는 정도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="51"/>
        <source>Value traded (buys + sells) as a share of the portfolio</source>
        <translation>포트폴리오 대비 거래 금액(매수 + 매도) 비율</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="129"/>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="129"/>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="130"/>
        <source>{side} {shares} {ticker}</source>
        <translation>{ticker} {shares}주 {side}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="151"/>
        <source>no result</source>
        <translation>결과 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="153"/>
        <source>Cannot compute trades: {msg}</source>
        <translation>거래를 계산할 수 없습니다: {msg}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="169"/>
        <source>the constraints cannot all hold</source>
        <translation>제약 조건을 모두 지킬 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="171"/>
        <source>Not possible as set: {msg}</source>
        <translation>설정대로는 불가능합니다: {msg}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="177"/>
        <source>No trades needed: every holding and sleeve is inside its drift band.</source>
        <translation>거래가 필요 없습니다: 모든 보유 종목과 슬리브가 이탈 허용 범위 안에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="184"/>
        <source>{n} trades proposed.</source>
        <translation>거래 {n}건을 제안합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="184"/>
        <source>1 trade proposed.</source>
        <translation>거래 1건을 제안합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="191"/>
        <source>&lt;b&gt;What limits the result&lt;/b&gt;</source>
        <translation>&lt;b&gt;결과를 제한하는 요인&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="194"/>
        <source>No constraint binds: the targets are reached as set.</source>
        <translation>구속하는 제약이 없습니다: 설정한 목표에 도달합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="197"/>
        <source>unknown date</source>
        <translation>날짜 모름</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="199"/>
        <source>Prices: {src}, {date}. Risk: {window}, {est}.</source>
        <translation>가격: {src}, {date}. 위험: {window}, {est}.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="210"/>
        <source>cap {cap}</source>
        <translation>상한 {cap}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="212"/>
        <source>no cap</source>
        <translation>상한 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="214"/>
        <source>Volatility ({cap})</source>
        <translation>변동성 ({cap})</translation>
    </message>
</context>
<context>
    <name>RiskChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="179"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="179"/>
        <source>After trades</source>
        <translation>거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="182"/>
        <source>Risk contribution: each holding&apos;s share of the portfolio&apos;s ups and downs</source>
        <translation>위험 기여도: 포트폴리오 등락에서 각 보유 종목이 차지하는 몫</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="184"/>
        <source>% of portfolio risk</source>
        <translation>포트폴리오 위험 비중 (%)</translation>
    </message>
</context>
<context>
    <name>SectorChart</name>
    <message>
        <location filename="../../gui/panels/exposure.py" line="94"/>
        <source>% of portfolio</source>
        <translation>포트폴리오 비중 (%)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="97"/>
        <source>Before</source>
        <translation>거래 전</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="98"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="99"/>
        <source>After trades</source>
        <translation>거래 후</translation>
    </message>
</context>
<context>
    <name>StoreReset</name>
    <message>
        <location filename="../../gui/store_reset.py" line="51"/>
        <source>Price store reset</source>
        <translation>가격 저장소 초기화</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="53"/>
        <source>The damaged price store was moved to {path}. Refresh Prices or import price files to fill the new one.</source>
        <translation>손상된 가격 저장소를 {path}(으)로 옮겼습니다. 가격 새로 고침이나 가격 파일 가져오기로 새 저장소를 채우세요.</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="61"/>
        <location filename="../../gui/store_reset.py" line="68"/>
        <source>Price store</source>
        <translation>가격 저장소</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="65"/>
        <source>it reads correctly</source>
        <translation>정상적으로 읽힙니다</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="69"/>
        <source>The price store is not damaged ({why}); nothing was changed.</source>
        <translation>가격 저장소는 손상되지 않았습니다({why}); 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="74"/>
        <source>Reset the damaged price store?</source>
        <translation>손상된 가격 저장소를 초기화할까요?</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="75"/>
        <source>{problem}

Move it aside as a backup and start an empty price store?</source>
        <translation>{problem}

백업으로 옮겨 두고 빈 가격 저장소로 시작할까요?</translation>
    </message>
</context>
<context>
    <name>StressPanel</name>
    <message>
        <location filename="../../gui/panels/stress.py" line="63"/>
        <source>Run stress test</source>
        <translation>스트레스 테스트 실행</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="66"/>
        <source>Your window</source>
        <translation>사용자 기간</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="72"/>
        <source>Add window</source>
        <translation>기간 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="82"/>
        <source>Replays today&apos;s weights through past crises.</source>
        <translation>현재 비중을 과거 위기에 대입해 재현합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="86"/>
        <source>Window</source>
        <translation>기간</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="86"/>
        <location filename="../../gui/panels/stress.py" line="96"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="86"/>
        <location filename="../../gui/panels/stress.py" line="96"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="86"/>
        <location filename="../../gui/panels/stress.py" line="96"/>
        <source>Proposed</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="86"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="96"/>
        <source>Sleeve</source>
        <translation>슬리브</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="103"/>
        <source>Rate series…</source>
        <translation>금리 시계열…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="106"/>
        <source>A CSV of dates and interest rates in percent (e.g. FRED&apos;s DGS10) to compare the portfolio with</source>
        <translation>포트폴리오와 비교할 날짜별 금리(%) CSV (예: FRED의 DGS10)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="131"/>
        <source>The window ends before it starts: put the earlier date first.</source>
        <translation>기간의 끝이 시작보다 앞섭니다: 이른 날짜를 먼저 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="140"/>
        <source>A stress test needs a scenario with a result: open one first.</source>
        <translation>스트레스 테스트에는 결과가 있는 시나리오가 필요합니다: 먼저 여세요.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="154"/>
        <source>Replaying…</source>
        <translation>재현 중…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="160"/>
        <source>Rate series</source>
        <translation>금리 시계열</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="160"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 파일 (*.csv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="197"/>
        <source>The stress test failed: {e}</source>
        <translation>스트레스 테스트에 실패했습니다: {e}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="209"/>
        <source>Portfolio value {v} on {src}.</source>
        <translation>포트폴리오 가치 {v}, {src} 기준.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="215"/>
        <source>Interest rates</source>
        <translation>금리</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="233"/>
        <source> (yours)</source>
        <translation> (사용자)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="241"/>
        <source>Lowest point {p} on {d}</source>
        <translation>최저점 {p}, {d}</translation>
    </message>
</context>
<context>
    <name>TableModels</name>
    <message>
        <location filename="../../gui/tablemodels.py" line="104"/>
        <location filename="../../gui/tablemodels.py" line="333"/>
        <source>Ticker</source>
        <translation>티커</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="105"/>
        <location filename="../../gui/tablemodels.py" line="334"/>
        <source>Shares</source>
        <translation>주식 수</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="106"/>
        <location filename="../../gui/tablemodels.py" line="335"/>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="107"/>
        <source>Value</source>
        <translation>평가액</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="108"/>
        <source>Weight</source>
        <translation>비중</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="109"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="110"/>
        <source>Drift (pts)</source>
        <translation>이탈 (%p)</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="111"/>
        <source>No buy</source>
        <translation>매수 금지</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="112"/>
        <source>No sell</source>
        <translation>매도 금지</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="131"/>
        <source>Weight minus target, in percentage points; orange when outside its band</source>
        <translation>비중 빼기 목표(퍼센트포인트); 허용 범위를 벗어나면 주황색</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="134"/>
        <source>Your own price if you typed one, else the market price (grey)</source>
        <translation>직접 입력한 가격, 없으면 시장 가격(회색)</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="137"/>
        <source>Never buy this ticker</source>
        <translation>이 티커는 매수하지 않음</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="138"/>
        <source>Never sell this ticker</source>
        <translation>이 티커는 매도하지 않음</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="230"/>
        <source>No price or risk data for this ticker</source>
        <translation>이 티커의 가격 또는 위험 데이터가 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="248"/>
        <source>outside</source>
        <translation>밖</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="250"/>
        <source>inside</source>
        <translation>안</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="252"/>
        <source>Drift {drift}; band ±{band}: {where} its band</source>
        <translation>이탈 {drift}; 허용 범위 ±{band}: 범위 {where}</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="332"/>
        <source>Side</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="336"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="337"/>
        <source>Est. cost</source>
        <translation>예상 비용</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="338"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="359"/>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="361"/>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
</context>
<context>
    <name>TargetEditor</name>
    <message>
        <location filename="../../gui/target_editor.py" line="41"/>
        <source>core</source>
        <translation>코어</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="42"/>
        <source>satellite</source>
        <translation>위성</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="43"/>
        <source>outside</source>
        <translation>외부</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="59"/>
        <source>e.g. VBR</source>
        <translation>예: VBR</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="85"/>
        <source>own band</source>
        <translation>개별 범위</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="87"/>
        <source> pts</source>
        <translation> %p</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="89"/>
        <source>Out of band when the weight drifts more than this many points</source>
        <translation>비중이 이만큼의 포인트보다 더 벗어나면 범위 밖입니다</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="95"/>
        <source>…or more than this share of its own target, whichever is smaller</source>
        <translation>…또는 자기 목표의 이 비율보다 더 벗어나면(둘 중 작은 쪽)</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="137"/>
        <source>Edit targets</source>
        <translation>목표 편집</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="143"/>
        <source>Whole portfolio</source>
        <translation>포트폴리오 전체</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="147"/>
        <source>The small-cap sleeve&apos;s target share of the whole portfolio</source>
        <translation>포트폴리오 전체에서 소형주 슬리브의 목표 비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="154"/>
        <source>min</source>
        <translation>최소</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="156"/>
        <source>max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="159"/>
        <source>Small caps</source>
        <translation>소형주</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="160"/>
        <source>Small caps may range</source>
        <translation>소형주 허용 범위</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="162"/>
        <source>Default drift band</source>
        <translation>기본 이탈 허용 범위</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="168"/>
        <source>Sleeve / ticker</source>
        <translation>슬리브 / 티커</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="203"/>
        <location filename="../../gui/target_editor.py" line="580"/>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="170"/>
        <location filename="../../gui/target_editor.py" line="204"/>
        <source>Weight</source>
        <translation>비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="169"/>
        <source>Role or fund</source>
        <translation>역할 또는 펀드</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="175"/>
        <source>Add sleeve…</source>
        <translation>슬리브 추가…</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="176"/>
        <source>Add ticker…</source>
        <translation>티커 추가…</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="177"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="178"/>
        <source>Make it add up</source>
        <translation>합계 맞추기</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="180"/>
        <source>Scale the sleeve weights so core and satellites make 100 % of small caps</source>
        <translation>코어와 위성의 합이 소형주의 100 %가 되도록 슬리브 비중을 비례 조정</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="202"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="206"/>
        <location filename="../../gui/target_editor.py" line="235"/>
        <source>Minimum</source>
        <translation>최소</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="207"/>
        <location filename="../../gui/target_editor.py" line="236"/>
        <source>Maximum</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="208"/>
        <location filename="../../gui/target_editor.py" line="237"/>
        <source>Drift band</source>
        <translation>이탈 허용 범위</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="210"/>
        <source>Minimum and maximum are shares of the whole portfolio.</source>
        <translation>최소와 최대는 포트폴리오 전체에 대한 비중입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="225"/>
        <source>Share of its sleeve; the sleeve&apos;s other tickers share the rest</source>
        <translation>슬리브 안의 비중; 나머지는 슬리브의 다른 티커가 나눠 가집니다</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="232"/>
        <location filename="../../gui/target_editor.py" line="581"/>
        <source>Ticker</source>
        <translation>티커</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="234"/>
        <source>Share of sleeve</source>
        <translation>슬리브 내 비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="241"/>
        <source>Choose a sleeve or a ticker to edit it.</source>
        <translation>편집할 슬리브나 티커를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="257"/>
        <source>Notes for this scenario (kept in the file)</source>
        <translation>이 시나리오에 대한 메모(파일에 저장됨)</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="272"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="354"/>
        <source>Share of the whole portfolio</source>
        <translation>포트폴리오 전체 대비 비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="356"/>
        <source>Share of small caps</source>
        <translation>소형주 대비 비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="364"/>
        <source>Share of its sleeve</source>
        <translation>슬리브 안의 비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="407"/>
        <source>of the whole portfolio</source>
        <translation>포트폴리오 전체 대비</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="409"/>
        <source>of the small-cap sleeve</source>
        <translation>소형주 슬리브 대비</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="458"/>
        <source>There is already a sleeve called {name}.</source>
        <translation>{name}(이)라는 슬리브가 이미 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="485"/>
        <source>{text} is not a ticker symbol: use letters, digits, &apos;.&apos; or &apos;-&apos;</source>
        <translation>{text}은(는) 티커가 아닙니다: 문자, 숫자, &apos;.&apos; 또는 &apos;-&apos;만 쓰세요</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="490"/>
        <source>{ticker} is already in the {sleeve} sleeve.</source>
        <translation>{ticker}은(는) 이미 {sleeve} 슬리브에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="566"/>
        <source>Add sleeve</source>
        <translation>슬리브 추가</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="568"/>
        <source>Add ticker</source>
        <translation>티커 추가</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="572"/>
        <source>e.g. Value</source>
        <translation>예: 가치</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="579"/>
        <source>Sleeve name</source>
        <translation>슬리브 이름</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <location filename="../../gui/panels/targets.py" line="89"/>
        <source>Targets</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="102"/>
        <source>Preset (core / satellites):</source>
        <translation>프리셋 (코어 / 위성):</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="104"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="109"/>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="111"/>
        <source>Add, remove or rename sleeves and tickers; roles, bounds, drift bands and notes</source>
        <translation>슬리브와 티커 추가·삭제·이름 변경, 역할, 한도, 이탈 허용 범위, 메모</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="128"/>
        <source>Moving the core: satellites share the rest. Moving a satellite: the core takes the difference.</source>
        <translation>코어를 움직이면 나머지를 위성이 나눠 갖고, 위성을 움직이면 그 차이를 코어가 가져갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="150"/>
        <source>now → after</source>
        <translation>현재 → 거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="152"/>
        <source>Share of the whole portfolio in %: held now → after the proposed trades</source>
        <translation>포트폴리오 전체 대비 비중(%): 현재 보유 → 제안된 거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="160"/>
        <source>Small caps&apos; share of the whole portfolio; the outside sleeves share the rest</source>
        <translation>포트폴리오 전체에서 소형주의 비중; 나머지는 외부 슬리브가 나눠 가집니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="162"/>
        <source>Small caps</source>
        <translation>소형주</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="165"/>
        <source>core</source>
        <translation>코어</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="166"/>
        <source>satellite</source>
        <translation>위성</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="167"/>
        <source>outside</source>
        <translation>외부</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="171"/>
        <source>Share of the small-cap sleeve</source>
        <translation>소형주 슬리브 대비 비중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="173"/>
        <source>Share of the whole portfolio</source>
        <translation>포트폴리오 전체 대비 비중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="192"/>
        <source>{ticker}&apos;s share of the {sleeve} sleeve</source>
        <translation>{sleeve} 슬리브에서 {ticker}의 비중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="300"/>
        <source>min {v}</source>
        <translation>최소 {v}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="302"/>
        <source>max {v}</source>
        <translation>최대 {v}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="309"/>
        <source>{bounds} of the portfolio</source>
        <translation>포트폴리오의 {bounds}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="311"/>
        <source>binds</source>
        <translation>구속 중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="312"/>
        <source>change</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="324"/>
        <source>Core {core} + satellites {sats} = {total} of small caps</source>
        <translation>코어 {core} + 위성 {sats} = 소형주의 {total}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="329"/>
        <source>Small caps {sc} + outside {out} = {total} of the portfolio</source>
        <translation>소형주 {sc} + 외부 {out} = 포트폴리오의 {total}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="368"/>
        <source>{name}: {now} of the portfolio now, {after} after the trades; target {target}{band}</source>
        <translation>{name}: 현재 포트폴리오의 {now}, 거래 후 {after}; 목표 {target}{band}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="374"/>
        <source> (outside its band)</source>
        <translation> (허용 범위 밖)</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <location filename="../../gui/mainwindow.py" line="55"/>
        <source>Blank: an IWM core only</source>
        <translation>빈 시나리오: IWM 코어만</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="56"/>
        <source>IWM core with value satellites (IWN, VBR)</source>
        <translation>IWM 코어와 가치 위성 (IWN, VBR)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="57"/>
        <source>VTWO core with S&amp;P 600 and growth satellites</source>
        <translation>VTWO 코어와 S&amp;P 600·성장 위성</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="60"/>
        <source>Total portfolio with a small-cap sleeve (SPY, AGG outside)</source>
        <translation>소형주 슬리브가 있는 전체 포트폴리오 (외부: SPY, AGG)</translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <location filename="../../gui/panels/stress.py" line="283"/>
        <source>Backtest</source>
        <translation>백테스트</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="284"/>
        <source>Stress</source>
        <translation>스트레스</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../gui/app.py" line="101"/>
        <source>Cannot open scenario</source>
        <translation>시나리오를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="102"/>
        <source>{name}: this file could not be read ({error}).</source>
        <translation>{name}: 이 파일을 읽을 수 없습니다({error}).</translation>
    </message>
</context>
</TS>
