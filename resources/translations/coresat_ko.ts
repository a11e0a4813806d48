<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../gui/panels/account_dialog.py" line="36"/>
        <source>Account {name}</source>
        <translation>계좌 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_dialog.py" line="40"/>
        <source>Cash this account keeps after trading</source>
        <translation>거래 후 이 계좌에 남겨 둘 현금</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_dialog.py" line="42"/>
        <source>Money paid into (+) or taken out of (−) this account now</source>
        <translation>지금 이 계좌에 넣는(+) 또는 빼는(−) 금액</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_dialog.py" line="44"/>
        <location filename="../../gui/panels/account_dialog.py" line="46"/>
        <source>tickers, comma-separated</source>
        <translation>티커, 쉼표로 구분</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_dialog.py" line="48"/>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_dialog.py" line="49"/>
        <source>Broker:</source>
        <translation>증권사:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_dialog.py" line="50"/>
        <source>Cash buffer:</source>
        <translation>현금 완충:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_dialog.py" line="51"/>
        <source>Add (+) / withdraw (−):</source>
        <translation>납입 (+) / 인출 (−):</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_dialog.py" line="52"/>
        <source>Never buy here:</source>
        <translation>이 계좌에서 매수 안 함:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_dialog.py" line="53"/>
        <source>Never sell here:</source>
        <translation>이 계좌에서 매도 안 함:</translation>
    </message>
</context>
<context>
    <name>AccountTradesView</name>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="22"/>
        <source>Account / side</source>
        <translation>계좌 / 방향</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="23"/>
        <source>Ticker</source>
        <translation>티커</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="24"/>
        <source>Shares</source>
        <translation>주식 수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="25"/>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="26"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="27"/>
        <source>Est. cost</source>
        <translation>예상 비용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="28"/>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="32"/>
        <source>{name} ({kind}): {n} trades · cash {before} → {after}</source>
        <translation>{name} ({kind}): 거래 {n}건 · 현금 {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="34"/>
        <source>{name} ({kind}): 1 trade · cash {before} → {after}</source>
        <translation>{name} ({kind}): 거래 1건 · 현금 {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="35"/>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="36"/>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/account_trades.py" line="37"/>
        <source>trading cost {cost} + estimated tax {tax}</source>
        <translation>거래 비용 {cost} + 예상 세금 {tax}</translation>
    </message>
</context>
<context>
    <name>AccountsResultView</name>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="22"/>
        <source>Account / holding / lot</source>
        <translation>계좌 / 보유 종목 / 로트</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="23"/>
        <source>Shares before → after</source>
        <translation>주식 수 전 → 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="24"/>
        <source>Trade</source>
        <translation>거래</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="25"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="26"/>
        <source>Cash before → after</source>
        <translation>현금 전 → 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="27"/>
        <source>Gain / est. tax</source>
        <translation>차익 / 예상 세금</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="28"/>
        <source>Why here</source>
        <translation>이 계좌인 이유</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="34"/>
        <source>BUY</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="34"/>
        <source>SELL</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="63"/>
        <source>date unknown</source>
        <translation>날짜 미상</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="66"/>
        <source>long-term</source>
        <translation>장기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="68"/>
        <source>short-term</source>
        <translation>단기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="72"/>
        <source>(wash sale: loss disallowed)</source>
        <translation>(워시 세일: 손실 불인정)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="112"/>
        <source>basis unknown</source>
        <translation>취득 원가 모름</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="143"/>
        <source>keeps at least</source>
        <translation>최소 유지 현금</translation>
    </message>
    <message>
        <location filename="../../gui/panels/accounts_result.py" line="154"/>
        <source>held, not rebalanced: never traded, in no weight or value here</source>
        <translation>보유, 리밸런싱 안 함: 거래하지 않으며 여기의 어떤 비중·가치에도 포함되지 않음</translation>
    </message>
</context>
<context>
    <name>AllocationChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="179"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="179"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="179"/>
        <source>After trades</source>
        <translation>거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="182"/>
        <source>Per ticker</source>
        <translation>티커별</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="183"/>
        <source>Per sleeve</source>
        <translation>슬리브별</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="185"/>
        <source>Allocation: current, target and after the trades</source>
        <translation>배분: 현재, 목표, 거래 후</translation>
    </message>
</context>
<context>
    <name>BacktestPanel</name>
    <message>
        <location filename="../../gui/panels/backtest.py" line="74"/>
        <source>All nine variants</source>
        <translation>9가지 변형 모두</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="76"/>
        <source>Also monthly and annual calendars and bands checked monthly (default: one of each kind)</source>
        <translation>월간·연간 달력 방식과 매월 점검하는 범위 방식도 포함 (기본: 종류별로 하나씩)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="84"/>
        <source>Contribution (+) or withdrawal (−) on the first trading day of each month</source>
        <translation>매월 첫 거래일의 납입 (+) 또는 인출 (−)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="87"/>
        <source>from today&apos;s holdings</source>
        <translation>현재 보유 종목에서</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="87"/>
        <source>from the targets</source>
        <translation>목표에서</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="88"/>
        <source>Run backtest</source>
        <translation>백테스트 실행</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="89"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="94"/>
        <source>Monthly flow</source>
        <translation>월간 흐름</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="106"/>
        <source>Run a backtest to see what each policy would have done.</source>
        <translation>백테스트를 실행하면 각 정책이 어떻게 했을지 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="111"/>
        <source>Growth of $10,000</source>
        <translation>$10,000의 성장</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="111"/>
        <source>Drawdown</source>
        <translation>낙폭</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="111"/>
        <source>Drift from targets</source>
        <translation>목표 대비 이탈</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="127"/>
        <source>Side by side</source>
        <translation>나란히 비교</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="128"/>
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="129"/>
        <source>Method and limits</source>
        <translation>방법과 한계</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="155"/>
        <source>Open a scenario and wait for its market data first.</source>
        <translation>먼저 시나리오를 열고 시장 데이터를 기다리세요.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="174"/>
        <source>Replaying…</source>
        <translation>재현 중…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="178"/>
        <source>Backtest cancelled.</source>
        <translation>백테스트를 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="193"/>
        <source>The backtest failed: {e}</source>
        <translation>백테스트에 실패했습니다: {e}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="206"/>
        <source>{start} .. {end} ({years} years) on {source}; monthly flow {flow}</source>
        <translation>{start} .. {end} ({years}년), {source}; 월간 흐름 {flow}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="217"/>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="221"/>
        <source>Limits</source>
        <translation>한계</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="225"/>
        <source>Realized gains</source>
        <translation>실현 손익</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="236"/>
        <source>The scenario changed since this backtest ran: run it again to update it.</source>
        <translation>이 백테스트 이후 시나리오가 바뀌었습니다: 다시 실행해 갱신하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="244"/>
        <source>Rebalances</source>
        <translation>리밸런싱 횟수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="245"/>
        <source>Days the policy traded for reasons other than a cash flow</source>
        <translation>현금 흐름 이외의 이유로 정책이 거래한 날 수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="248"/>
        <source>Trades</source>
        <translation>거래</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="250"/>
        <source>Turnover / year</source>
        <translation>연간 회전율</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="251"/>
        <source>One-way: half of (buys + sells) / that day&apos;s value, summed, per year</source>
        <translation>편도 기준: (매수 + 매도)의 절반 / 그날의 가치, 합산, 연간</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="254"/>
        <source>Costs</source>
        <translation>비용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="254"/>
        <source>Trading costs over the whole run</source>
        <translation>전체 기간의 거래 비용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="256"/>
        <source>Costs, bp / year</source>
        <translation>비용, 연간 bp</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="257"/>
        <source>Costs / average value / years × 10,000</source>
        <translation>비용 / 평균 가치 / 연수 × 10,000</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="261"/>
        <source>Realized gains, short-term</source>
        <translation>실현 이익, 단기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="262"/>
        <source>First in, first out; held one year or less. &apos;not known&apos; without tax lots</source>
        <translation>선입선출; 1년 이하 보유. 세금 로트가 없으면 &apos;알 수 없음&apos;</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="266"/>
        <source>Realized gains, long-term</source>
        <translation>실현 이익, 장기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="267"/>
        <source>First in, first out; held more than one year</source>
        <translation>선입선출; 1년 넘게 보유</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="273"/>
        <source>Realized gains, term unknown</source>
        <translation>실현 이익, 기간 불명</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="274"/>
        <source>From tax lots the scenario gives without a purchase date</source>
        <translation>시나리오에 매수일 없이 주어진 세금 로트에서</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="282"/>
        <source>Max drift</source>
        <translation>최대 이탈</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="284"/>
        <source>Largest distance of any holding from its target, at a close before that day&apos;s trades</source>
        <translation>그날 거래 전 종가 기준, 목표에서 가장 멀리 벗어난 보유 종목의 거리</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="288"/>
        <source>Mean drift</source>
        <translation>평균 이탈</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="290"/>
        <source>Realized volatility</source>
        <translation>실현 변동성</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="291"/>
        <source>Annualized, of daily time-weighted returns</source>
        <translation>일별 시간가중 수익률의 연율</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="294"/>
        <source>Highest 1-year volatility</source>
        <translation>1년 변동성 최고치</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="295"/>
        <source>Volatility cap</source>
        <translation>변동성 상한</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="297"/>
        <source>Tracking error</source>
        <translation>추적오차</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="298"/>
        <source>Annualized, to the targets held exactly every day</source>
        <translation>매일 목표를 정확히 유지한 경우 대비, 연율</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="302"/>
        <source>CAGR</source>
        <translation>연평균 성장률</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="303"/>
        <source>Time-weighted: cash flows are not gains</source>
        <translation>시간가중: 현금 흐름은 수익이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="306"/>
        <source>Max drawdown</source>
        <translation>최대 낙폭</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="307"/>
        <source>  peak</source>
        <translation>  고점</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="308"/>
        <source>  trough</source>
        <translation>  저점</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="310"/>
        <source>  regained</source>
        <translation>  회복</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="312"/>
        <source>not yet</source>
        <translation>아직</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="314"/>
        <source>Worst month</source>
        <translation>최악의 달</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="315"/>
        <source>  in</source>
        <translation>  시기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="316"/>
        <source>End value</source>
        <translation>최종 가치</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="318"/>
        <source>No feasible trade</source>
        <translation>가능한 거래 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="319"/>
        <source>Check days on which the optimizer found no trades within the limits</source>
        <translation>최적화기가 한도 안에서 거래를 찾지 못한 날을 확인하세요</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="325"/>
        <source>not known</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/backtest.py" line="364"/>
        <source>points</source>
        <translation>포인트</translation>
    </message>
</context>
<context>
    <name>BarsChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="135"/>
        <source>% of portfolio</source>
        <translation>포트폴리오 비중 (%)</translation>
    </message>
</context>
<context>
    <name>BookReview</name>
    <message>
        <location filename="../../gui/book/review_model.py" line="160"/>
        <source>Orders per account:</source>
        <translation>계좌별 주문:</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="187"/>
        <source>{n} in {k} accounts</source>
        <translation>{k}개 계좌에 {n}건</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="47"/>
        <source>Client</source>
        <translation>고객</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="48"/>
        <source>Household</source>
        <translation>가구</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="49"/>
        <source>Drift</source>
        <translation>이탈</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="50"/>
        <source>Trades</source>
        <translation>거래</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="51"/>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="52"/>
        <source>Vol before</source>
        <translation>변동성 전</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="53"/>
        <source>Vol after</source>
        <translation>변동성 후</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="54"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="55"/>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="61"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="63"/>
        <source>draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="64"/>
        <source>approved</source>
        <translation>승인됨</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="65"/>
        <source>rejected</source>
        <translation>반려됨</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="66"/>
        <source>executed</source>
        <translation>실행됨</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="70"/>
        <source>nothing fits</source>
        <translation>맞는 거래 없음</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="72"/>
        <source>no trades needed</source>
        <translation>거래 필요 없음</translation>
    </message>
    <message>
        <location filename="../../gui/book/review_model.py" line="178"/>
        <source>{v} pts</source>
        <translation>{v}포인트</translation>
    </message>
</context>
<context>
    <name>BookWindow</name>
    <message>
        <location filename="../../gui/book/window.py" line="60"/>
        <source>Client book — Coresat</source>
        <translation>고객 장부 — Coresat</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="102"/>
        <source>No client book open</source>
        <translation>열린 고객 장부가 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="103"/>
        <source>Open Book…</source>
        <translation>장부 열기…</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="105"/>
        <source>New Book…</source>
        <translation>새 장부…</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="107"/>
        <source>Rebalance All</source>
        <translation>전체 리밸런싱</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="109"/>
        <source>Rebalance every household against its model; results are stored as drafts</source>
        <translation>모든 가구를 각자의 모델에 맞춰 리밸런싱합니다. 결과는 초안으로 저장됩니다</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="112"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="117"/>
        <source>%p %</source>
        <translation>%p %</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="134"/>
        <source>Needs action only</source>
        <translation>조치 필요만</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="137"/>
        <source>Approve…</source>
        <translation>승인…</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="139"/>
        <source>Reject…</source>
        <translation>반려…</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="141"/>
        <source>Compare…</source>
        <translation>비교…</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="142"/>
        <source>Compare the selected proposals side by side</source>
        <translation>선택한 제안을 나란히 비교합니다</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="144"/>
        <source>Export PDF…</source>
        <translation>PDF 내보내기…</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="193"/>
        <source>{n} households · {a} need action</source>
        <translation>가구 {n}개 · 조치 필요 {a}개</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="203"/>
        <source>Client book</source>
        <translation>고객 장부</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="231"/>
        <source>Cancelled; {n} results kept as drafts</source>
        <translation>취소됨. 결과 {n}개는 초안으로 남았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="244"/>
        <source>Open client book</source>
        <translation>고객 장부 열기</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="251"/>
        <source>New client book</source>
        <translation>새 고객 장부</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="255"/>
        <source>{p} exists already; use Open Book… to open it</source>
        <translation>{p}이(가) 이미 있습니다. 장부 열기…로 여세요</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="270"/>
        <location filename="../../gui/book/window.py" line="347"/>
        <source>last run {b}</source>
        <translation>마지막 실행 {b}</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="270"/>
        <source>no run yet</source>
        <translation>아직 실행 안 함</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="272"/>
        <source>{where} · {n} households · {run}</source>
        <translation>{where} · 가구 {n}개 · {run}</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="316"/>
        <source>starting…</source>
        <translation>시작 중…</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="324"/>
        <source>cancelling…</source>
        <translation>취소 중…</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="335"/>
        <source>Run {b}: {n} households, {p} drafts, {f} failed in {s} s on {ex}</source>
        <translation>실행 {b}: 가구 {n}개, 초안 {p}개, 실패 {f}개, {ex}에서 {s}초</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="358"/>
        <source>Approve proposal</source>
        <translation>제안 승인</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="358"/>
        <source>Reject proposal</source>
        <translation>제안 반려</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="360"/>
        <source>Why is proposal {id} for {c} right for the client? (required)</source>
        <translation>제안 {id}({c})이(가) 고객에게 적합한 이유는 무엇입니까? (필수)</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="362"/>
        <source>Why is proposal {id} for {c} rejected? (optional)</source>
        <translation>제안 {id}({c})을(를) 반려하는 이유는 무엇입니까? (선택)</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="372"/>
        <source>An approval needs a note: why the proposal is right for the client.</source>
        <translation>승인하려면 메모가 필요합니다: 이 제안이 고객에게 적합한 이유를 적으세요.</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="407"/>
        <source>Export proposal PDF</source>
        <translation>제안서 PDF 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="409"/>
        <source>PDF, A4 (*.pdf);;PDF, Letter (*.pdf)</source>
        <translation>PDF, A4 (*.pdf);;PDF, Letter (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/book/window.py" line="434"/>
        <source>Saved {p}</source>
        <translation>{p} 저장됨</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="105"/>
        <source>no result</source>
        <translation>결과 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="106"/>
        <source>Nothing to chart: {why}</source>
        <translation>표시할 차트가 없습니다: {why}</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../gui/panels/chartspanel.py" line="55"/>
        <source>Allocation</source>
        <translation>배분</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chartspanel.py" line="56"/>
        <source>Risk</source>
        <translation>위험</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chartspanel.py" line="57"/>
        <source>Frontier</source>
        <translation>프런티어</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chartspanel.py" line="58"/>
        <source>Growth</source>
        <translation>성장</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chartspanel.py" line="59"/>
        <source>Drawdown</source>
        <translation>낙폭</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chartspanel.py" line="67"/>
        <source>Drawing the chart…</source>
        <translation>차트를 그리는 중…</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../gui/book/compare_dialog.py" line="58"/>
        <source>Compare — Coresat</source>
        <translation>비교 — Coresat</translation>
    </message>
    <message>
        <location filename="../../gui/book/compare_dialog.py" line="69"/>
        <location filename="../../gui/book/compare_dialog.py" line="99"/>
        <source>Add two or more scenario files or proposals.</source>
        <translation>시나리오 파일이나 제안을 두 개 이상 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/book/compare_dialog.py" line="71"/>
        <source>Add Scenario Files…</source>
        <translation>시나리오 파일 추가…</translation>
    </message>
    <message>
        <location filename="../../gui/book/compare_dialog.py" line="73"/>
        <source>Clear</source>
        <translation>비우기</translation>
    </message>
    <message>
        <location filename="../../gui/book/compare_dialog.py" line="75"/>
        <source>Only differences</source>
        <translation>차이만</translation>
    </message>
    <message>
        <location filename="../../gui/book/compare_dialog.py" line="103"/>
        <source>Scenarios to compare</source>
        <translation>비교할 시나리오</translation>
    </message>
    <message>
        <location filename="../../gui/book/compare_dialog.py" line="117"/>
        <source>Solving {n} scenario(s)…</source>
        <translation>시나리오 {n}개 계산 중…</translation>
    </message>
    <message>
        <location filename="../../gui/book/compare_dialog.py" line="139"/>
        <source>Add one more to compare.</source>
        <translation>비교하려면 하나 더 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/book/compare_dialog.py" line="150"/>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../gui/book/compare_dialog.py" line="176"/>
        <source>{n} compared: {names}</source>
        <translation>{n}개 비교: {names}</translation>
    </message>
</context>
<context>
    <name>ConstraintsPanel</name>
    <message>
        <location filename="../../gui/panels/constraints.py" line="45"/>
        <source>Constraints</source>
        <translation>제약 조건</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="61"/>
        <source>Volatility cap: the most the portfolio may swing in a typical year (annualized standard deviation of returns). Lower means calmer but further from your targets.</source>
        <translation>변동성 상한: 보통의 한 해 동안 포트폴리오가 출렁일 수 있는 최대 폭(연율화한 수익률 표준편차)입니다. 낮을수록 안정적이지만 목표에서 더 멀어집니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="65"/>
        <source>Volatility cap</source>
        <translation>변동성 상한</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="70"/>
        <source>Turnover cap: at most this much of the portfolio&apos;s value traded (buys + sells).</source>
        <translation>회전율 상한: 포트폴리오 가치 중 거래(매수 + 매도)할 수 있는 최대 비율입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="72"/>
        <source>Turnover cap</source>
        <translation>회전율 상한</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="73"/>
        <source> bps</source>
        <translation> bp</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="75"/>
        <source>Estimated trading cost per trade in basis points: 1 bp = 0.01 % of the amount traded.</source>
        <translation>거래당 예상 거래 비용(베이시스 포인트): 1 bp = 거래 금액의 0.01 %.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="77"/>
        <source>Trading cost</source>
        <translation>거래 비용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="79"/>
        <source>Trades smaller than this are not worth making and are left out.</source>
        <translation>이보다 작은 거래는 할 가치가 없어 제외됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="80"/>
        <source>Minimum trade</source>
        <translation>최소 거래 금액</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="82"/>
        <source>Cash buffer: cash that must remain in the account after trading.</source>
        <translation>현금 완충: 거래 후 계좌에 남아 있어야 하는 현금입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="84"/>
        <source>Cash buffer</source>
        <translation>현금 완충</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="85"/>
        <source>Whole shares only</source>
        <translation>정수 주만</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="87"/>
        <source>Round every trade to whole shares (most brokers need this for ETFs).</source>
        <translation>모든 거래를 정수 주 단위로 반올림합니다(대부분의 증권사는 ETF에 이를 요구합니다).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="93"/>
        <source>Full rebalance (buy and sell)</source>
        <translation>전체 리밸런싱(매수와 매도)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="94"/>
        <source>Buy only (invest new cash)</source>
        <translation>매수만(새 현금 투자)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="95"/>
        <source>Sell only (raise cash)</source>
        <translation>매도만(현금 마련)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="96"/>
        <source>Mode</source>
        <translation>방식</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="99"/>
        <source>Positive: new money you add (contribution). Negative: money you take out (withdrawal).</source>
        <translation>양수: 새로 넣는 돈(납입). 음수: 꺼내는 돈(인출).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="102"/>
        <source>Add (+) / withdraw (−)</source>
        <translation>납입 (+) / 인출 (−)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="103"/>
        <source>Rebalance even when inside the bands</source>
        <translation>허용 범위 안에 있어도 리밸런싱</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="105"/>
        <source>Normally nothing is traded while every holding is inside its drift band.</source>
        <translation>보통은 모든 보유 종목이 이탈 허용 범위 안에 있으면 아무것도 거래하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="138"/>
        <source>Use this limit</source>
        <translation>이 한도 사용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="177"/>
        <source>The household&apos;s cash buffer: the sum of its accounts&apos; buffers. Set each account&apos;s in Holdings → Account… (or double-click the account).</source>
        <translation>가구의 현금 완충: 각 계좌 완충 금액의 합계입니다. 계좌별 금액은 보유 종목 → 계좌 설정…에서 정합니다 (또는 계좌를 더블클릭).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="185"/>
        <source>The household&apos;s contribution (+) or withdrawal (−): the sum of its accounts&apos; cash flows. Set each account&apos;s in Holdings → Account… (or double-click the account).</source>
        <translation>가구의 납입 (+) 또는 인출 (−): 각 계좌 현금 흐름의 합계입니다. 계좌별 금액은 보유 종목 → 계좌 설정…에서 정합니다 (또는 계좌를 더블클릭).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/constraints.py" line="198"/>
        <source> (sum of the accounts)</source>
        <translation> (계좌 합계)</translation>
    </message>
</context>
<context>
    <name>CsvMappingDialog</name>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="40"/>
        <source>Symbol (required)</source>
        <translation>종목 코드 (필수)</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="41"/>
        <source>Quantity (required)</source>
        <translation>수량 (필수)</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="42"/>
        <location filename="../../gui/csv_mapping_dialog.py" line="123"/>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="43"/>
        <location filename="../../gui/csv_mapping_dialog.py" line="124"/>
        <source>Market value</source>
        <translation>평가액</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="44"/>
        <source>Cost basis (total)</source>
        <translation>취득 원가 (합계)</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="45"/>
        <source>Account</source>
        <translation>계좌</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="56"/>
        <source>Comma ,</source>
        <translation>쉼표 ,</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="57"/>
        <source>Semicolon ;</source>
        <translation>세미콜론 ;</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="58"/>
        <source>Tab</source>
        <translation>탭</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="69"/>
        <source>Map the columns of {src}</source>
        <translation>{src}의 열 지정</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="81"/>
        <source>Coresat does not know this file&apos;s layout. Say where things are:</source>
        <translation>Coresat이 이 파일의 형식을 모릅니다. 각 항목이 어디에 있는지 지정하세요:</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="95"/>
        <source>no header row</source>
        <translation>머리글 행 없음</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="98"/>
        <source>Delimiter</source>
        <translation>구분자</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="100"/>
        <source>Decimals</source>
        <translation>소수점</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="102"/>
        <source>Header on line</source>
        <translation>머리글 행 위치</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="115"/>
        <source>The file:</source>
        <translation>파일 내용:</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="117"/>
        <source>What will be read:</source>
        <translation>읽을 내용:</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="121"/>
        <source>Symbol</source>
        <translation>종목 코드</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="122"/>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="132"/>
        <source>Remember this mapping for files with the same columns</source>
        <translation>같은 열을 가진 파일에 이 지정을 기억</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="181"/>
        <source>column {n}</source>
        <translation>{n}열</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="190"/>
        <source>— none —</source>
        <translation>— 없음 —</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="243"/>
        <source>{n} holdings and {cash} cash in the first {lines} lines</source>
        <translation>처음 {lines}줄에 보유 종목 {n}개와 현금 {cash}</translation>
    </message>
    <message>
        <location filename="../../gui/csv_mapping_dialog.py" line="261"/>
        <source>The mapping could not be saved: {err}</source>
        <translation>열 지정을 저장할 수 없습니다: {err}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="29"/>
        <source>Import holdings</source>
        <translation>보유 종목 가져오기</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="34"/>
        <source>{n} holdings read from {src}. They will replace the current holdings.</source>
        <translation>{src}에서 보유 종목 {n}개를 읽었습니다. 현재 보유 종목을 대체합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="42"/>
        <source>Ticker</source>
        <translation>티커</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="43"/>
        <source>Shares</source>
        <translation>주식 수</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="44"/>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="57"/>
        <source>market price</source>
        <translation>시장 가격</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="65"/>
        <source>Replace holdings</source>
        <translation>보유 종목 대체</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="74"/>
        <source>&lt;h3&gt;Coresat {version}&lt;/h3&gt;&lt;p&gt;Core/satellite small-cap rebalancing under a volatility limit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data sources&lt;/b&gt;: prices from Yahoo Finance (via yfinance) when online, kept in a local price store; otherwise the bundled &lt;i&gt;simulated&lt;/i&gt; demo data, which is not real market data.&lt;/p&gt;&lt;p&gt;&lt;b&gt;{disclaimer}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coresat {version}&lt;/h3&gt;&lt;p&gt;변동성 한도 아래에서 핵심/위성 방식으로 소형주를 리밸런싱합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;데이터 출처&lt;/b&gt;: 온라인일 때는 Yahoo Finance(yfinance 사용)의 가격을 로컬 가격 저장소에 보관하고, 그렇지 않으면 함께 제공되는 &lt;i&gt;모의&lt;/i&gt; 데모 데이터를 사용합니다. 모의 데이터는 실제 시장 데이터가 아닙니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;{disclaimer}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="85"/>
        <source>About Coresat</source>
        <translation>Coresat 정보</translation>
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <location filename="../../gui/engine_texts.py" line="22"/>
        <source>Hypothetical: what these rules would have done on past prices. Past results do not predict future results. Not investment advice.</source>
        <translation>가상의 결과: 이 규칙을 과거 가격에 적용했다면 어땠을지 보여 줍니다. 과거 성과는 미래 성과를 예측하지 않습니다. 투자 권유가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="23"/>
        <source>Hypothetical: today&apos;s weights replayed on past prices, bought on the first day of each window and held. Past crises do not predict the next one. Not investment advice.</source>
        <translation>가상의 결과: 오늘의 비중을 과거 가격에 재현한 것으로, 각 기간의 첫날 매수해 그대로 보유했다고 가정합니다. 과거 위기는 다음 위기를 예측하지 않습니다. 투자 권유가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="24"/>
        <source>Each policy starts from the same portfolio on the first day and is replayed day by day on adjusted daily closing prices (dividends reinvested through the adjustment); trades are whole shares at that day&apos;s closing price.</source>
        <translation>모든 정책은 첫날 같은 포트폴리오에서 출발해 수정 일별 종가(수정 주가를 통해 배당 재투자)로 하루씩 재현됩니다. 거래는 그날 종가에 정수 주 단위로 이루어집니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="25"/>
        <source>Trading costs are the scenario&apos;s cost in basis points of each trade, rounded to the cent; cash is kept to the cent and never goes below zero (buys are trimmed to the cash there is).</source>
        <translation>거래 비용은 시나리오에 설정한 거래 금액 대비 비용(bp)이며 센트 단위로 반올림합니다. 현금은 센트 단위로 관리하며 0 아래로 내려가지 않습니다(매수는 보유 현금만큼으로 줄입니다).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="26"/>
        <source>Monthly cash flows arrive on the first trading day of each month.</source>
        <translation>월별 현금 흐름은 매월 첫 거래일에 들어옵니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="27"/>
        <source>The optimizer policy calls Coresat&apos;s own rebalance with the scenario&apos;s limits on the first trading day of each month, handing it that month&apos;s cash flow; it trades only when a holding, sleeve or the cash is outside its band, a limit is broken, or there is a cash flow to place. Its covariance is estimated only from returns before that day (the scenario&apos;s risk window and estimator).</source>
        <translation>최적화 정책은 매월 첫 거래일에 시나리오의 제한을 그대로 적용해 Coresat의 리밸런싱을 실행하고, 그달의 현금 흐름을 함께 넘깁니다. 보유 종목·슬리브·현금이 허용 범위를 벗어났거나, 제한을 어겼거나, 투입할 현금 흐름이 있을 때만 거래합니다. 공분산은 그날 이전의 수익률로만 추정합니다(시나리오의 위험 추정 기간과 추정 방식).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="28"/>
        <source>The rule-based policies respect whole shares, costs, the minimum trade, the cash buffer and the no-buy / no-sell lists; only the optimizer also keeps the volatility and turnover caps.</source>
        <translation>규칙 기반 정책은 정수 주, 비용, 최소 거래 금액, 현금 완충, 매수 금지/매도 금지 목록을 지킵니다. 변동성 상한과 회전율 상한까지 지키는 것은 최적화 정책뿐입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="29"/>
        <source>The scenario&apos;s one-off cash flow and its buy-only / sell-only mode belong to today&apos;s trade and are not replayed: every policy may buy and sell (the no-buy / no-sell lists still hold).</source>
        <translation>시나리오의 일회성 현금 흐름과 매수만/매도만 방식은 오늘의 거래에만 해당하므로 재현하지 않습니다. 모든 정책이 매수와 매도를 할 수 있습니다(매수 금지/매도 금지 목록은 그대로 적용됩니다).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="30"/>
        <source>No tax is computed: realized gains are reported (first in, first out) only when the cost basis of every opening share is known, and are never netted, taxed or carried forward.</source>
        <translation>세금은 계산하지 않습니다. 실현 이익은 시작 시점의 모든 주식의 취득가가 알려진 경우에만 선입선출(FIFO)로 보고하며, 상계·과세·이월하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="31"/>
        <source>Dividends are reinvested on the day the adjusted price reflects them, not when they were paid; share counts are notional on adjusted prices.</source>
        <translation>배당은 지급일이 아니라 수정 주가에 반영된 날 재투자됩니다. 주식 수는 수정 주가 기준의 명목 수량입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="32"/>
        <source>No bid/ask spread, market impact or slippage beyond the cost setting; every trade fills at the close.</source>
        <translation>호가 스프레드, 시장 충격, 비용 설정을 넘는 슬리피지는 반영하지 않습니다. 모든 거래는 종가에 체결됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="33"/>
        <source>The price history is the only one used: the common span of every ticker in the scenario.</source>
        <translation>가격 이력은 한 구간만 사용합니다: 시나리오의 모든 티커에 공통으로 있는 기간입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="34"/>
        <source>Each window replays the funds&apos; adjusted daily prices (dividends reinvested): the weights are bought on the window&apos;s first trading day and held to its last, without rebalancing; cash earns nothing.</source>
        <translation>각 기간은 펀드의 수정 일별 가격(배당 재투자)으로 재현합니다. 비중대로 기간의 첫 거래일에 매수해 마지막 날까지 리밸런싱 없이 보유하며, 현금에는 수익이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="35"/>
        <source>Loss per sleeve is in money and in percent of that sleeve&apos;s own value at the start; the total is in percent of the whole portfolio, cash included. &apos;Lowest point&apos; is the worst day inside the window.</source>
        <translation>슬리브별 손실은 금액과, 시작 시점 그 슬리브 자체 가치 대비 비율로 나타냅니다. 합계는 현금을 포함한 전체 포트폴리오 대비 비율입니다. &apos;최저점&apos;은 기간 중 가장 나빴던 날입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="36"/>
        <source>Current = today&apos;s holdings; target = the target weights; proposed = after the proposed trades.</source>
        <translation>현재 = 오늘의 보유 종목, 목표 = 목표 비중, 제안 = 제안된 거래 후.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="37"/>
        <source>Financial crisis</source>
        <translation>글로벌 금융위기</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="38"/>
        <source>2018 fourth quarter</source>
        <translation>2018년 4분기</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="39"/>
        <source>COVID crash</source>
        <translation>코로나19 폭락</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="40"/>
        <source>2022 rate hikes</source>
        <translation>2022년 금리 인상</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="41"/>
        <source>Tariff shock</source>
        <translation>관세 충격</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="42"/>
        <source>Coresat computes what your own settings imply. It is not investment advice.</source>
        <translation>Coresat은 사용자가 정한 설정에 따른 결과를 계산할 뿐입니다. 투자 권유가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="43"/>
        <source>simulated demo data</source>
        <translation>모의 데모 데이터</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="44"/>
        <source>covariance given in the scenario</source>
        <translation>시나리오에 지정된 공분산</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="45"/>
        <source>sample covariance of daily returns, annualized (×252)</source>
        <translation>일별 수익률의 표본 공분산, 연율화(×252)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="46"/>
        <source>Ledoit–Wolf shrinkage of the correlations of daily returns (variances kept), annualized (×252)</source>
        <translation>일별 수익률 상관계수의 Ledoit–Wolf 축소 추정(분산 유지), 연율화(×252)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="47"/>
        <source>No interest-rate series is in the price data, so Coresat cannot estimate how this portfolio moved with rates. Give one (a CSV of dates and yields in percent, e.g. FRED&apos;s DGS10) to see it.</source>
        <translation>가격 데이터에 금리 시계열이 없어 이 포트폴리오가 금리에 따라 어떻게 움직였는지 추정할 수 없습니다. 보려면 금리 시계열(날짜와 수익률(%)이 담긴 CSV, 예: FRED의 DGS10)을 지정하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="48"/>
        <source>Never</source>
        <translation>안 함</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="49"/>
        <source>Never rebalance</source>
        <translation>리밸런싱 안 함</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="50"/>
        <source>Monthly</source>
        <translation>매월</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="51"/>
        <source>Calendar, monthly</source>
        <translation>정기, 매월</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="52"/>
        <source>Quarterly</source>
        <translation>분기</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="53"/>
        <source>Calendar, quarterly</source>
        <translation>정기, 분기마다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="54"/>
        <source>Annual</source>
        <translation>매년</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="55"/>
        <source>Calendar, annual</source>
        <translation>정기, 매년</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="56"/>
        <source>Bands daily</source>
        <translation>범위 매일</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="57"/>
        <source>5/25 bands, checked daily</source>
        <translation>5/25 허용 범위, 매일 확인</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="58"/>
        <source>Bands monthly</source>
        <translation>범위 매월</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="59"/>
        <source>5/25 bands, checked monthly</source>
        <translation>5/25 허용 범위, 매월 확인</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="60"/>
        <source>Daryanani</source>
        <translation>Daryanani</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="61"/>
        <source>Daryanani: two-weekly check, half-way back</source>
        <translation>Daryanani: 2주마다 확인, 목표까지 절반만 복귀</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="62"/>
        <source>Cash flows</source>
        <translation>현금 흐름</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="63"/>
        <source>Cash flows only</source>
        <translation>현금 흐름으로만</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="64"/>
        <source>Optimizer</source>
        <translation>최적화</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="65"/>
        <source>Coresat optimizer, monthly</source>
        <translation>Coresat 최적화, 매월</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="66"/>
        <source>Communication Services</source>
        <translation>커뮤니케이션 서비스</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="67"/>
        <source>Consumer Discretionary</source>
        <translation>경기소비재</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="68"/>
        <source>Consumer Staples</source>
        <translation>필수소비재</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="69"/>
        <source>Energy</source>
        <translation>에너지</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="70"/>
        <source>Financials</source>
        <translation>금융</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="71"/>
        <source>Health Care</source>
        <translation>헬스케어</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="72"/>
        <source>Industrials</source>
        <translation>산업재</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="73"/>
        <source>Information Technology</source>
        <translation>정보기술</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="74"/>
        <source>Materials</source>
        <translation>소재</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="75"/>
        <source>Real Estate</source>
        <translation>부동산</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="76"/>
        <source>Utilities</source>
        <translation>유틸리티</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="77"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="78"/>
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="79"/>
        <source>price store</source>
        <translation>가격 저장소</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="80"/>
        <source>Yahoo live</source>
        <translation>Yahoo 실시간</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="81"/>
        <source>Yahoo, partly from the price store</source>
        <translation>Yahoo (일부는 가격 저장소)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="94"/>
        <source>price store as of {date}</source>
        <translation>가격 저장소, {date} 기준</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="97"/>
        <source>{days} trading days, {span}</source>
        <translation>거래일 {days}일, {span}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="103"/>
        <source>exponentially weighted covariance, half-life {half_life} trading days, annualized (×252)</source>
        <translation>지수가중 공분산, 반감기 {half_life}거래일, 연율화(×252)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="118"/>
        <source>no stored prices for {tickers}{why}: import a CSV price file or update prices from Yahoo</source>
        <translation>{tickers}의 저장된 가격이 없습니다{why}: CSV 가격 파일을 가져오거나 Yahoo에서 가격을 업데이트하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="128"/>
        <source>no demo prices for {tickers}: the simulated demo data covers {covered}; import a CSV price file for it or set the data source to Yahoo</source>
        <translation>{tickers}의 데모 가격이 없습니다: 모의 데모 데이터에는 {covered}만 있습니다; CSV 가격 파일을 가져오거나 데이터 소스를 Yahoo로 설정하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="136"/>
        <source>no price for {ticker}: enter its price in the holdings or refresh prices</source>
        <translation>{ticker}의 가격이 없습니다: 보유 종목에 가격을 입력하거나 가격을 새로 고치세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="145"/>
        <source>no price history for {tickers}, so its risk is unknown: import a price file for it, refresh prices, or remove it from the scenario</source>
        <translation>{tickers}의 가격 이력이 없어 위험을 알 수 없습니다: 가격 파일을 가져오거나, 가격을 새로 고치거나, 시나리오에서 제거하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="156"/>
        <source>only {days} trading days in common, fewer than the {want} asked for; the covariance uses all of them</source>
        <translation>공통 거래일이 {days}일뿐으로 요청한 {want}일보다 적습니다; 공분산은 그 전부를 사용합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="166"/>
        <source>prices end {date}, {age} days ago; update them from Yahoo or import newer price files for current values</source>
        <translation>가격이 {date}({age}일 전)에 끝납니다; 현재 값을 쓰려면 Yahoo에서 업데이트하거나 더 최근 가격 파일을 가져오세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="177"/>
        <source>{ticker} has no price history of its own: its risk is taken from {fund}&apos;s (the proxy chosen in the scenario)</source>
        <translation>{ticker}은(는) 자체 가격 이력이 없습니다: 위험은 {fund}의 이력에서 가져옵니다 (시나리오에서 고른 대리 펀드)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="192"/>
        <source>sub-weights of sleeve {name} add up to {sum} %, they must add up to 100 %</source>
        <translation>슬리브 {name}의 하위 비중 합계가 {sum} %입니다; 합계는 100 %여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="201"/>
        <source>core and satellite weights add up to {sum} % of the small-cap sleeve; they must add up to 100 %</source>
        <translation>핵심과 위성 비중의 합계가 소형주 슬리브의 {sum} %입니다; 합계는 100 %여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="210"/>
        <source>small-cap weight plus outside sleeves add up to {sum} %; they must add up to 100 %</source>
        <translation>소형주 비중과 외부 슬리브의 합계가 {sum} %입니다; 합계는 100 %여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="216"/>
        <source>minimum {lo} % is above maximum {hi} %</source>
        <translation>최소 {lo} %가 최대 {hi} %보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="233"/>
        <source>weights are fractions of the portfolio value after the cash flow (cash included)</source>
        <translation>비중은 현금 흐름 반영 후 포트폴리오 가치에 대한 비율입니다(현금 포함)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="239"/>
        <source>volatility and tracking error are annualized, ex ante, from the covariance estimate</source>
        <translation>변동성과 추적오차는 공분산 추정치에서 구한 연율화된 사전(ex ante) 값입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="246"/>
        <source>trading cost {bps} bps of each trade&apos;s amount</source>
        <translation>거래 비용은 각 거래 금액의 {bps} bp입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="250"/>
        <source>sectors through the funds use fund data from {sources}</source>
        <translation>펀드를 통한 섹터 노출은 다음 펀드 데이터를 사용합니다: {sources}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="214"/>
        <location filename="../../gui/engine_texts.py" line="220"/>
        <source>sleeve {name} has no tickers</source>
        <translation>슬리브 {name}에 티커가 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="211"/>
        <location filename="../../gui/engine_texts.py" line="224"/>
        <source>{ticker} appears in two sleeves</source>
        <translation>{ticker}이(가) 두 슬리브에 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="19"/>
        <source>line {line}: a field is longer than {limit} characters; is this a holdings file?</source>
        <translation>{line}행: 필드가 {limit}자보다 깁니다. 보유 종목 파일이 맞나요?</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="20"/>
        <source>line {line}: cannot be read as CSV ({exc}); check the quotes on that line</source>
        <translation>{line}행: CSV로 읽을 수 없습니다({exc}). 그 행의 따옴표를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="21"/>
        <source>the file has no rows: expected lines like &apos;IWM,120&apos; or &apos;IWM,120,215.30&apos;</source>
        <translation>파일에 행이 없습니다: &apos;IWM,120&apos; 또는 &apos;IWM,120,215.30&apos; 같은 행이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="22"/>
        <source>line {line}: expected 2 or 3 columns (ticker, shares[, price]), found {count}</source>
        <translation>{line}행: 열이 2개 또는 3개(티커, 주식 수[, 가격])여야 하는데 {count}개입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="23"/>
        <source>line {line}: {text} is not a ticker symbol ({rule})</source>
        <translation>{line}행: {text}은(는) 티커 기호가 아닙니다({rule})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="24"/>
        <source>line {line}: {ticker} is listed twice; merge the rows</source>
        <translation>{line}행: {ticker}이(가) 두 번 나옵니다. 행을 합치세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="25"/>
        <source>line {line}: shares must be zero or more, got {value}</source>
        <translation>{line}행: 주식 수는 0 이상이어야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="26"/>
        <source>line {line}: {value} shares is beyond any real holding; check the number</source>
        <translation>{line}행: {value}주는 실제 보유량을 넘어섭니다. 숫자를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="27"/>
        <source>line {line}: price must be positive, got {value}</source>
        <translation>{line}행: 가격은 0보다 커야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="28"/>
        <source>line {line}: a price of {value} is beyond any real share price</source>
        <translation>{line}행: {value}의 가격은 실제 주가를 넘어섭니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="29"/>
        <source>line {line}: a price of {value} is below any real share price (at least {least})</source>
        <translation>{line}행: {value}의 가격은 실제 주가보다 낮습니다(최소 {least})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="30"/>
        <source>the file has a header but no holdings</source>
        <translation>파일에 머리글만 있고 보유 종목이 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="31"/>
        <source>letters and digits, with &apos;.&apos;, &apos;-&apos;, &apos;^&apos; or &apos;=&apos; inside, at most 15 characters</source>
        <translation>영문자와 숫자, 가운데에 &apos;.&apos;, &apos;-&apos;, &apos;^&apos;, &apos;=&apos; 사용 가능, 최대 15자</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="32"/>
        <source>{source} is not valid TOML: {exc} (at line {line}, column {column})</source>
        <translation>{source}은(는) 올바른 TOML 파일이 아닙니다 ({line}행 {column}열): {exc}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="33"/>
        <source>{source} is not valid TOML: {exc} (at end of document)</source>
        <translation>{source}은(는) 올바른 TOML 파일이 아닙니다 (파일 끝): {exc}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="34"/>
        <source>Expected &apos;=&apos; after a key in a key/value pair</source>
        <translation>키 다음에 &apos;=&apos;가 있어야 합니다 (키 = 값)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="35"/>
        <source>Expected &apos;]&apos; at the end of a table declaration</source>
        <translation>표 선언 끝에 &apos;]&apos;가 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="36"/>
        <source>Expected &apos;]]&apos; at the end of an array declaration</source>
        <translation>배열 선언 끝에 &apos;]]&apos;가 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="37"/>
        <source>Expected newline or end of document after a statement</source>
        <translation>문장 뒤에는 줄바꿈이나 파일 끝이 와야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="38"/>
        <source>Escaped character is not a Unicode scalar value</source>
        <translation>이스케이프한 문자가 유니코드 스칼라 값이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="39"/>
        <source>Invalid initial character for a key part</source>
        <translation>키의 첫 글자가 올바르지 않습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="40"/>
        <source>Unescaped &apos;\&apos; in a string</source>
        <translation>문자열 안에 이스케이프하지 않은 &apos;\&apos;가 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="41"/>
        <source>Cannot overwrite a value</source>
        <translation>이미 있는 값을 덮어쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="42"/>
        <source>Invalid date or datetime</source>
        <translation>올바르지 않은 날짜 또는 일시</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="43"/>
        <source>Unclosed inline table</source>
        <translation>인라인 표가 닫히지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="44"/>
        <source>Unterminated string</source>
        <translation>문자열이 닫히지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="45"/>
        <source>Invalid statement</source>
        <translation>올바르지 않은 문장</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="46"/>
        <source>Invalid hex value</source>
        <translation>올바르지 않은 16진수 값</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="47"/>
        <source>Invalid value</source>
        <translation>올바르지 않은 값</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="48"/>
        <source>Unclosed array</source>
        <translation>배열이 닫히지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="49"/>
        <source>Cannot mutate immutable namespace {key}</source>
        <translation>바꿀 수 없는 이름 공간 {key}을(를) 바꾸려 했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="50"/>
        <source>Cannot redefine namespace {key}</source>
        <translation>이름 공간 {key}을(를) 다시 정의할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="51"/>
        <source>Duplicate inline table key {key}</source>
        <translation>인라인 표에 키 {key}이(가) 두 번 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="52"/>
        <source>Cannot declare {key} twice</source>
        <translation>{key}을(를) 두 번 선언할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="53"/>
        <source>Found invalid character {char}</source>
        <translation>올바르지 않은 문자 {char}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="54"/>
        <source>Illegal character {char}</source>
        <translation>허용되지 않는 문자 {char}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="55"/>
        <source>the fund snapshot is not valid JSON ({exc})</source>
        <translation>펀드 스냅숏이 올바른 JSON이 아닙니다 ({exc})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="56"/>
        <source>the fund snapshot is not a {format} file</source>
        <translation>펀드 스냅숏이 {format} 파일이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="57"/>
        <source>the fund snapshot&apos;s header is malformed ({detail})</source>
        <translation>펀드 스냅숏의 머리 부분이 잘못되었습니다 ({detail})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="58"/>
        <source>fund data for {tk} is malformed (not a table)</source>
        <translation>{tk}의 펀드 데이터가 잘못되었습니다 (표가 아님)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="59"/>
        <source>Bundled snapshot as of {day}: {source}. {caveat}</source>
        <translation>{day} 기준 내장 스냅숏: {source}. {caveat}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="60"/>
        <source>cannot read the holdings file {path}: {exc}</source>
        <translation>보유 종목 파일 {path}을(를) 읽을 수 없습니다: {exc}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="61"/>
        <source>{label}: line {n}: a field is longer than {limit} characters</source>
        <translation>{label}: {n}행: 필드가 {limit}자보다 깁니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="62"/>
        <source>{label}: line {n}: cannot be read as CSV ({detail}); check the quotes</source>
        <translation>{label}: {n}행: CSV로 읽을 수 없습니다 ({detail}); 따옴표를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="63"/>
        <source>{label}: the holdings file is empty; expected a header fund,symbol,weight_pct</source>
        <translation>{label}: 보유 종목 파일이 비어 있습니다; fund,symbol,weight_pct 머리글 행이 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="64"/>
        <source>{label}: line {n}: header lacks {miss}; expected fund,symbol,weight_pct[,name,sector]</source>
        <translation>{label}: {n}행: 머리글에 {miss}이(가) 없습니다; fund,symbol,weight_pct[,name,sector] 형식이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="65"/>
        <source>{label}: line {n}: too few columns</source>
        <translation>{label}: {n}행: 열이 너무 적습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="66"/>
        <source>{label}: line {n}: {count} fields but the header has {width}; quote a value that holds the separator (a decimal comma: &quot;1,5&quot;)</source>
        <translation>{label}: {n}행: 필드가 {count}개인데 머리글은 {width}개입니다; 구분 기호가 들어 있는 값은 따옴표로 묶으세요 (소수점 쉼표: &quot;1,5&quot;)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="67"/>
        <source>{label}: line {n}: fund and symbol must not be empty</source>
        <translation>{label}: {n}행: fund와 symbol은 비워 둘 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="68"/>
        <source>{label}: line {n}: weight {w} is not a number (percent of the fund)</source>
        <translation>{label}: {n}행: 비중 {w}은(는) 숫자가 아닙니다 (펀드 안에서의 비율, %)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="69"/>
        <source>{label}: line {n}: weight {w} must be between 0 and 100 (percent of the fund)</source>
        <translation>{label}: {n}행: 비중 {w}은(는) 0에서 100 사이여야 합니다 (펀드 안에서의 비율, %)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="70"/>
        <source>{label}: the weights of {fund} add up to {total} %, more than 100 %; give each holding&apos;s percent of the fund</source>
        <translation>{label}: {fund}의 비중 합계가 {total} %로 100 %를 넘습니다; 각 보유 종목의 펀드 안 비율(%)을 입력하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="71"/>
        <source>the local store {path} is damaged or locked ({detail}); close other Coresat windows</source>
        <translation>로컬 저장소 {path}이(가) 손상되었거나 잠겨 있습니다 ({detail}); 다른 Coresat 창을 닫으세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="72"/>
        <source>cannot open the local store {path}: {detail}</source>
        <translation>로컬 저장소 {path}을(를) 열 수 없습니다: {detail}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="73"/>
        <source>Yahoo gives no as-of date for fund data; the date shown is the download day</source>
        <translation>Yahoo는 펀드 데이터의 기준일을 주지 않습니다; 표시된 날짜는 내려받은 날입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="74"/>
        <source>Yahoo has no fund data for it (not a fund, or the request failed)</source>
        <translation>Yahoo에 이 종목의 펀드 데이터가 없습니다 (펀드가 아니거나 요청이 실패했습니다)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="75"/>
        <source>Yahoo has no fund data for it ({kind})</source>
        <translation>Yahoo에 이 종목의 펀드 데이터가 없습니다 ({kind})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="76"/>
        <source>Yahoo&apos;s P/E {pe} is not a plausible P/E; left out</source>
        <translation>Yahoo의 P/E {pe}은(는) 있을 수 없는 값이라 제외했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="77"/>
        <source>Yahoo lists the top {count} holdings only</source>
        <translation>Yahoo는 상위 {count}개 보유 종목만 제공합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="78"/>
        <source>first in, first out, from the prices the replay itself paid (it buys the opening book on the first day)</source>
        <translation>선입선출, 재현 과정에서 실제로 치른 가격 기준 (첫날 시작 포트폴리오를 매수함)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="79"/>
        <source>not known: the backtest replays the household as one account and cannot tell whether a sale would be taxable (held in a tax-advantaged account: {held})</source>
        <translation>알 수 없음: 백테스트는 가구를 한 계좌로 재현하므로 매도가 과세 대상인지 알 수 없습니다 (세제 혜택 계좌에 보유: {held})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="80"/>
        <source>not known: no tax lots for {tickers}, so the cost basis of the opening shares is unknown; add lots to the scenario (or start from the targets)</source>
        <translation>알 수 없음: {tickers}의 세금 로트가 없어 시작 주식의 취득가를 모릅니다. 시나리오에 로트를 추가하세요 (또는 목표에서 시작하세요)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="81"/>
        <source>first in, first out; today&apos;s tax lots are carried back to the first day, each keeping its share of the position, its basis as a fraction of today&apos;s price and its age</source>
        <translation>선입선출. 오늘의 세금 로트를 첫날로 옮기되, 각 로트는 포지션 내 비중, 오늘 가격 대비 취득가 비율, 보유 기간을 유지합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="82"/>
        <source>{tickers} has no price history and is left out of the risk model (your choice in the scenario): the volatility and tracking-error figures leave its risk out, and the volatility cap does not limit it</source>
        <translation>{tickers}은(는) 가격 이력이 없어 위험 모델에서 제외되었습니다 (시나리오에서 선택): 변동성과 추적 오차 수치에는 그 위험이 빠져 있고, 변동성 상한도 이 종목을 제한하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="83"/>
        <source>is not a covariance matrix: it is not positive semidefinite (lowest eigenvalue {lowest}), so some mix of the funds would have a negative variance; export it again from one estimate</source>
        <translation>공분산 행렬이 아닙니다: 양의 준정부호가 아니어서 (최소 고윳값 {lowest}) 어떤 펀드 조합은 분산이 음수가 됩니다. 하나의 추정에서 다시 내보내세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="84"/>
        <source>this market data has no price history (the scenario carries its own covariance): backtests and stress tests need daily prices; set the data source to demo, store or yahoo</source>
        <translation>이 시장 데이터에는 가격 이력이 없습니다 (시나리오에 공분산이 들어 있음): 백테스트와 스트레스 테스트에는 일별 가격이 필요합니다. 데이터 출처를 demo, store 또는 yahoo로 바꾸세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="85"/>
        <source>only {frame} days of price history in common for {tickers}: a backtest needs at least 60; add longer price history or remove the newest fund</source>
        <translation>{tickers}의 공통 가격 이력이 {frame}일뿐입니다: 백테스트에는 최소 60일이 필요합니다. 더 긴 가격 이력을 추가하거나 가장 새로운 펀드를 빼세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="86"/>
        <source>only {count} trading days of history in common for {tickers}: at least {returns} are needed; add longer price history or remove the newest fund</source>
        <translation>{tickers}의 공통 이력이 {count} 거래일뿐입니다: 최소 {returns}일이 필요합니다. 더 긴 가격 이력을 추가하거나 가장 새로운 펀드를 빼세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="87"/>
        <source>no demo prices for {missing}: the simulated demo data covers {covered}; import a CSV price file for it or set the data source to Yahoo</source>
        <translation>{missing}의 데모 가격이 없습니다: 시뮬레이션 데모 데이터에는 {covered}만 있습니다. CSV 가격 파일을 가져오거나 데이터 출처를 Yahoo로 바꾸세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="88"/>
        <source>{where}: line {i} has {text}, which is not a date (no such day, or not written like the other dates); correct it or delete the line</source>
        <translation>{where}: {i}행의 {text}은(는) 날짜가 아닙니다 (없는 날이거나 다른 날짜와 형식이 다름). 고치거나 그 행을 지우세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="89"/>
        <source>{where}: line {i} has the price {text} in column {column}, beyond any real share price (between {price} and {price2}); correct it or delete the line</source>
        <translation>{where}: {i}행 {column}열의 가격 {text}은(는) 실제 주가 범위({price}~{price2})를 벗어납니다. 고치거나 그 행을 지우세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="90"/>
        <source>the variance of {tk} is {value} (a volatility of {pct} %); covariances are annual, in fractions (0.04 = 20 % volatility)</source>
        <translation>{tk}의 분산이 {value}입니다 (변동성 {pct} %). 공분산은 연율, 소수로 적습니다 (0.04 = 변동성 20 %)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="91"/>
        <source>has tax lots for {held} shares; to hold {shares}, import a lots file (or the statement) that includes the extra shares</source>
        <translation>세금 로트가 {held}주분 있습니다. {shares}주를 보유하려면 추가 주식이 포함된 로트 파일(또는 거래 내역서)을 가져오세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="92"/>
        <source>{where}: no price column found; expected Adj Close, Adjusted_close or Close (or one column per ticker)</source>
        <translation>{where}: 가격 열이 없습니다. Adj Close, Adjusted_close 또는 Close 열(또는 종목별 열)이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="93"/>
        <source>does not match the household&apos;s accounts: edit holdings and cash per account (the Accounts tab)</source>
        <translation>가구의 계좌와 맞지 않습니다: 보유 종목과 현금은 계좌별로 고치세요 (계좌 탭)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="94"/>
        <source>{where}: line {i} has {text}, which is not a date like the others (YYYY-MM-DD); correct it or delete the line</source>
        <translation>{where}: {i}행의 {text}은(는) 다른 행과 같은 날짜(YYYY-MM-DD)가 아닙니다. 고치거나 그 행을 지우세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="95"/>
        <source>prices end {of}, {age} days ago; update them from Yahoo or import newer price files for current values</source>
        <translation>가격이 {of}에 끝납니다 ({age}일 전). 현재 값을 쓰려면 Yahoo에서 업데이트하거나 더 새로운 가격 파일을 가져오세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="96"/>
        <source>core and satellite weights add up to {pct} % of the small-cap sleeve; they must add up to 100 %</source>
        <translation>코어와 위성 비중의 합이 소형주 슬리브의 {pct} %입니다. 합이 100 %여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="97"/>
        <source>{where}: fewer than two usable prices for {ticker}; a price file needs dated prices on at least two days</source>
        <translation>{where}: {ticker}의 쓸 수 있는 가격이 두 개 미만입니다. 가격 파일에는 최소 이틀의 날짜별 가격이 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="98"/>
        <source>only {ret} trading days in common, fewer than the {want} asked for; the covariance uses all of them</source>
        <translation>공통 거래일이 {ret}일로, 요청한 {want}일보다 적습니다. 공분산은 그 전부를 씁니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="99"/>
        <source>the limits cannot all be met, so there are no proposed trades: current and target only</source>
        <translation>제한을 모두 지킬 수 없어 제안 거래가 없습니다: 현재와 목표만 표시합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="100"/>
        <source>the variance of {tk} is negative ({value}); a variance is a volatility squared, zero or more</source>
        <translation>{tk}의 분산이 음수입니다 ({value}). 분산은 변동성의 제곱이므로 0 이상입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="101"/>
        <source>every ticker is left out of the risk model: keep at least one with price history</source>
        <translation>모든 종목이 위험 모델에서 제외되었습니다: 가격 이력이 있는 종목을 최소 하나 남기세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="102"/>
        <source>{value}: prices end {value2}, before the others ({latest}); every figure uses data up to that day only</source>
        <translation>{value}: 가격이 {value2}에 끝나 다른 종목({latest})보다 이릅니다. 모든 수치는 그날까지의 데이터만 씁니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="103"/>
        <source>the portfolio is worth nothing: add holdings or cash, or give a starting value</source>
        <translation>포트폴리오 가치가 0입니다: 보유 종목이나 현금을 추가하거나 시작 금액을 지정하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="104"/>
        <source>small-cap weight plus outside sleeves add up to {pct} %; they must add up to 100 %</source>
        <translation>소형주 비중과 외부 슬리브의 합이 {pct} %입니다. 합이 100 %여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="105"/>
        <source>cash buffer and cash flow must be the sums of the accounts&apos; (with_household)</source>
        <translation>현금 버퍼와 현금 흐름은 계좌별 값의 합이어야 합니다 (with_household)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="106"/>
        <source>the stored prices were updated less than a day ago; nothing was downloaded</source>
        <translation>저장된 가격이 하루 안에 업데이트되었습니다. 아무것도 내려받지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="107"/>
        <source>{late}: history starts {start}, later than the others; the common history starts there</source>
        <translation>{late}: 이력이 {start}에 시작해 다른 종목보다 늦습니다. 공통 이력은 그날부터입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="108"/>
        <source>the rate file {path} has values above 50: give rates in percent (4.2 for 4.2 %)</source>
        <translation>금리 파일 {path}에 50보다 큰 값이 있습니다: 금리는 퍼센트로 쓰세요 (4.2 %면 4.2)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="109"/>
        <source>the portfolio is worth nothing: add holdings or cash before a stress test</source>
        <translation>포트폴리오 가치가 0입니다: 스트레스 테스트 전에 보유 종목이나 현금을 추가하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="110"/>
        <source>{ticker} has a proxy and is also left out of the risk model: keep one of the two</source>
        <translation>{ticker}에 프록시가 있으면서 위험 모델에서도 제외되어 있습니다: 둘 중 하나만 남기세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="111"/>
        <source>file version {version} is newer than this Coresat understands ({version2}); update Coresat</source>
        <translation>파일 버전 {version}은(는) 이 Coresat이 이해하는 버전({version2})보다 새롭습니다. Coresat을 업데이트하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="112"/>
        <source>stress window {text} is not START..END with dates like 2011-07-22..2011-10-03</source>
        <translation>스트레스 기간 {text}은(는) 2011-07-22..2011-10-03 같은 START..END 형식이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="115"/>
        <source>must be zero or more, got {cash}; a withdrawal is constraints.cash_flow</source>
        <translation>0 이상이어야 합니다. 입력값: {cash}. 인출은 constraints.cash_flow입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="116"/>
        <source>stress window {text} ends before it starts: put the earlier date first</source>
        <translation>스트레스 기간 {text}은(는) 시작보다 먼저 끝납니다: 앞선 날짜를 먼저 쓰세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="117"/>
        <source>{fund} cannot stand in for {ticker}: choose a fund with its own price history</source>
        <translation>{fund}은(는) {ticker}을(를) 대신할 수 없습니다: 자체 가격 이력이 있는 펀드를 고르세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="118"/>
        <source>sub-weights of sleeve {name} add up to {pct} %, they must add up to 100 %</source>
        <translation>슬리브 {name}의 하위 비중 합이 {pct} %입니다. 합이 100 %여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="119"/>
        <source>the price histories of {tickers} do not overlap: check the price files</source>
        <translation>{tickers}의 가격 이력이 겹치지 않습니다: 가격 파일을 확인하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="120"/>
        <source>the rate file {path} has {value} readable rows: it needs dates and numbers</source>
        <translation>금리 파일 {path}에 읽을 수 있는 행이 {value}개입니다: 날짜와 숫자가 필요합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="121"/>
        <source>{value} is below any real share price (at least {price}); check the number</source>
        <translation>{value}은(는) 실제 주가보다 낮습니다 (최소 {price}). 숫자를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="122"/>
        <source>a household file keeps this in its accounts; remove it here</source>
        <translation>가구 파일에서는 이 값을 계좌별로 둡니다: 여기서는 지우세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="123"/>
        <source>the scenario has no tickers: add holdings or target sleeves</source>
        <translation>시나리오에 종목이 없습니다: 보유 종목이나 목표 슬리브를 추가하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="124"/>
        <source>lots hold {total} shares but the position holds {shares}; make them agree</source>
        <translation>세금 로트는 {total}주인데 포지션은 {shares}주입니다. 둘을 맞추세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="125"/>
        <source>the rate file {path} needs two columns: date and rate in percent</source>
        <translation>금리 파일 {path}에는 날짜와 퍼센트 금리, 두 열이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="126"/>
        <source>no prices for {missing} in this window: left out (counted as cash)</source>
        <translation>이 기간에 {missing}의 가격이 없습니다: 제외했습니다 (현금으로 계산)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="127"/>
        <source>must be symmetric: row {r1} column {c1} is {j} but row {r2} column {c2} is {i}</source>
        <translation>대칭이어야 합니다: {r1}행 {c1}열은 {j}인데 {r2}행 {c2}열은 {i}입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="128"/>
        <source>{where}: line {i} has the date {text}; price dates must be between {year} and {year2}</source>
        <translation>{where}: {i}행의 날짜가 {text}입니다. 가격 날짜는 {year}년과 {year2}년 사이여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="129"/>
        <source>{where}: column {count} is not a ticker symbol; name columns by ticker</source>
        <translation>{where}: {count}열은 종목 코드가 아닙니다. 열 이름을 종목 코드로 하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="130"/>
        <source>Yahoo limited or timed out {retry} ticker(s); retried after {delay} s</source>
        <translation>Yahoo가 {retry}개 종목을 제한하거나 시간 초과했습니다. {delay}초 뒤에 다시 시도했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="131"/>
        <source>{date} is not a price date: it must be between 1900 and 2100</source>
        <translation>{date}은(는) 가격 날짜가 아닙니다: 1900년과 2100년 사이여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="132"/>
        <source>{where}: {ticker} is not a ticker symbol; give the ticker explicitly</source>
        <translation>{where}: {ticker}은(는) 종목 코드가 아닙니다. 종목 코드를 직접 지정하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="133"/>
        <source>look-through limits use fund data from {sources}</source>
        <translation>룩스루 한도에 쓰인 펀드 데이터: {sources}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="135"/>
        <source>{source}, as of {date} (approximate)</source>
        <translation>{source}, {date} 기준(근사치)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="136"/>
        <source>{source}, as of {date}</source>
        <translation>{source}, {date} 기준</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="137"/>
        <source>{source}, date not given by the source (approximate)</source>
        <translation>{source}, 출처가 날짜를 밝히지 않음(근사치)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="138"/>
        <source>{source}, date not given by the source</source>
        <translation>{source}, 출처가 날짜를 밝히지 않음</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="139"/>
        <source>nothing to rebalance: the accounts hold only lines Coresat does not rebalance ({lines}); add the ETFs or stocks to rebalance, cash or a contribution</source>
        <translation>리밸런싱할 것이 없습니다: 계좌에 Coresat이 리밸런싱하지 않는 항목만 있습니다({lines}). 리밸런싱할 ETF나 주식, 현금 또는 납입금을 추가하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="140"/>
        <source>no accounts: add at least one [[household.accounts]]</source>
        <translation>계좌가 없습니다: [[household.accounts]]를 최소 하나 추가하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="141"/>
        <source>no risk data for {missing}: add price history for {them} or remove {them2}</source>
        <translation>{missing}의 위험 데이터가 없습니다: {them}의 가격 이력을 추가하거나 {them2}을(를) 빼세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="142"/>
        <source>{where}: cannot read dates like {text}; write them as YYYY-MM-DD</source>
        <translation>{where}: {text} 같은 날짜를 읽을 수 없습니다. YYYY-MM-DD 형식으로 쓰세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="143"/>
        <source>{day}: the optimizer found no trades within the limits: {why}</source>
        <translation>{day}: 최적화기가 제한 안에서 거래를 찾지 못했습니다: {why}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="144"/>
        <source>no price history for {missing}: add it or remove the holding</source>
        <translation>{missing}의 가격 이력이 없습니다: 추가하거나 그 보유 종목을 빼세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="145"/>
        <source>{source} nests lists or tables too deeply to be a scenario</source>
        <translation>{source}은(는) 목록이나 표가 너무 깊게 중첩되어 시나리오일 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="146"/>
        <source>{where}: line {i} has no date; fill it in or delete the line</source>
        <translation>{where}: {i}행에 날짜가 없습니다. 채우거나 그 행을 지우세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="147"/>
        <source>{value} is beyond any real {what} (at most {limit}); check the number</source>
        <translation>{value}은(는) 실제로 있을 수 없는 {what}입니다 (최대 {limit}). 숫자를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="148"/>
        <source>is required: the date of the prices (YYYY-MM-DD)</source>
        <translation>필수 항목입니다: 가격 날짜 (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="149"/>
        <source>{ticker} is listed twice in this account; merge the rows</source>
        <translation>{ticker}이(가) 이 계좌에 두 번 나옵니다. 행을 합치세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="150"/>
        <source>{ticker}: {sum} repeated dates; the last row of each was kept</source>
        <translation>{ticker}: 날짜가 {sum}번 반복되어 각 날짜의 마지막 행을 남겼습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="151"/>
        <source>{value}: {sum} zero or negative prices left out (first on {first})</source>
        <translation>{value}: 0 이하 가격 {sum}개를 제외했습니다 (처음: {first})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="152"/>
        <source>must be at most {days} trading days (40 years), got {days2}</source>
        <translation>최대 {days} 거래일(40년)이어야 합니다. 입력값: {days2}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="153"/>
        <source>must be 1 or more (this Coresat writes {version}), got {version2}</source>
        <translation>1 이상이어야 합니다 (이 Coresat은 {version}을(를) 씁니다). 입력값: {version2}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="154"/>
        <source>no price for {price}: enter a price or refresh prices</source>
        <translation>{price}의 가격이 없습니다: 가격을 입력하거나 가격을 새로 고치세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="155"/>
        <source>must be a fraction in [0, 1), e.g. 0.15; got {value}</source>
        <translation>[0, 1) 범위의 소수여야 합니다 (예: 0.15). 입력값: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="156"/>
        <source>unknown policy {key}: use all, default or some of {key2}</source>
        <translation>알 수 없는 정책 {key}: all, default 또는 다음 중 일부를 쓰세요: {key2}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="157"/>
        <source>{value} is beyond any real amount; check the number</source>
        <translation>{value}은(는) 실제로 있을 수 없는 금액입니다. 숫자를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="158"/>
        <source>must be above 0 % and at most 200 %, got {pct} %</source>
        <translation>0 %보다 크고 200 % 이하여야 합니다. 입력값: {pct} %</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="159"/>
        <source>a ticker has more than one proxy: keep one</source>
        <translation>한 종목에 프록시가 둘 이상 있습니다: 하나만 남기세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="160"/>
        <source>needs at least 60 trading days of history</source>
        <translation>최소 60 거래일의 가격 이력이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="161"/>
        <source>a drift band must be zero or more, got {pct} %</source>
        <translation>허용 편차 밴드는 0 이상이어야 합니다. 입력값: {pct} %</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="162"/>
        <source>must be between 0 and 100 (percent), got {pct}</source>
        <translation>0에서 100 사이(퍼센트)여야 합니다. 입력값: {pct}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="163"/>
        <source>must be auto, demo, store or yahoo; got {source}</source>
        <translation>auto, demo, store, yahoo 중 하나여야 합니다. 입력값: {source}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="164"/>
        <source>{where}: larger than {mb} MB; is this a price file?</source>
        <translation>{where}: {mb} MB보다 큽니다. 가격 파일이 맞습니까?</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="165"/>
        <source>{where}: not UTF-8 text; save it as CSV (UTF-8)</source>
        <translation>{where}: UTF-8 텍스트가 아닙니다. CSV (UTF-8)로 저장하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="166"/>
        <source>must be a {n}×{n2} matrix (one row per ticker)</source>
        <translation>{n}×{n2} 행렬이어야 합니다 (종목마다 한 행)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="167"/>
        <source>minimum {pct} % is above the maximum {pct2} % for {name}</source>
        <translation>{name}의 최솟값 {pct} %가 최댓값 {pct2} %보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="168"/>
        <source>expected {format}, got {fmt}: not a Coresat scenario</source>
        <translation>{format}이(가) 필요한데 {fmt}입니다: Coresat 시나리오가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="169"/>
        <source>{exc}; using the simulated demo data instead</source>
        <translation>{exc}. 대신 시뮬레이션 데모 데이터를 씁니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="171"/>
        <source>a household keeps at least one account</source>
        <translation>가구에는 최소 한 개의 계좌가 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="172"/>
        <source>must be between 0 % and 100 %, got {pct} %</source>
        <translation>0 %에서 100 % 사이여야 합니다. 입력값: {pct} %</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="173"/>
        <source>only USD accounts are supported, got {currency}</source>
        <translation>USD 계좌만 지원합니다. 입력값: {currency}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="174"/>
        <source>must be between 0 and 10000 bps, got {value}</source>
        <translation>0에서 10000 bp 사이여야 합니다. 입력값: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="175"/>
        <source>data source {source} is unknown: use one of {sources}</source>
        <translation>데이터 출처 {source}을(를) 알 수 없습니다. 다음 중 하나를 쓰세요: {sources}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="176"/>
        <source>{ticker}: {sum} zero or negative prices left out</source>
        <translation>{ticker}: 0 이하 가격 {sum}개를 제외했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="177"/>
        <source>{where}: not a readable CSV price file ({first})</source>
        <translation>{where}: 읽을 수 있는 CSV 가격 파일이 아닙니다 ({first})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="178"/>
        <source>must be a date (YYYY-MM-DD), got {of}</source>
        <translation>날짜(YYYY-MM-DD)여야 합니다. 입력값: {of}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="179"/>
        <source>must be a date (YYYY-MM-DD), got {column}</source>
        <translation>날짜(YYYY-MM-DD)여야 합니다. 입력값: {column}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="180"/>
        <source>loading market data was cancelled</source>
        <translation>시장 데이터 불러오기가 취소되었습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="181"/>
        <source>{ticker} is listed twice; merge the rows</source>
        <translation>{ticker}이(가) 두 번 나옵니다. 행을 합치세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="182"/>
        <source>{ticker}: {missing} rows without a price skipped</source>
        <translation>{ticker}: 가격이 없는 행 {missing}개를 건너뛰었습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="183"/>
        <source>minimum {pct} % is above maximum {pct2} %</source>
        <translation>최솟값 {pct} %가 최댓값 {pct2} %보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="184"/>
        <source>is not a sleeve of the targets</source>
        <translation>목표의 슬리브가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="185"/>
        <source>is not a sector; use one of: {sectors}</source>
        <translation>섹터가 아닙니다. 다음 중 하나를 쓰세요: {sectors}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="186"/>
        <source>must be a finite number, got {value}</source>
        <translation>유한한 숫자여야 합니다. 입력값: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="187"/>
        <source>no accounts: add at least one</source>
        <translation>계좌가 없습니다: 최소 하나를 추가하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="188"/>
        <source>must be a year such as {year}, got {year2}</source>
        <translation>{year} 같은 연도여야 합니다. 입력값: {year2}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="189"/>
        <source>the stress test was cancelled</source>
        <translation>스트레스 테스트가 취소되었습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="190"/>
        <source>must be zero or more, got {pct} %</source>
        <translation>0 이상이어야 합니다. 입력값: {pct} %</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="191"/>
        <source>must be a whole number, got {version}</source>
        <translation>정수여야 합니다. 입력값: {version}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="192"/>
        <source>{value} is too large to be a number</source>
        <translation>{value}은(는) 숫자로 쓰기에 너무 큽니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="193"/>
        <source>{where}: the file has no price rows</source>
        <translation>{where}: 파일에 가격 행이 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="194"/>
        <source>cannot read the rate file {path}: {exc}</source>
        <translation>금리 파일 {path}을(를) 읽을 수 없습니다: {exc}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="195"/>
        <source>must be true or false, got {value}</source>
        <translation>true 또는 false여야 합니다. 입력값: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="196"/>
        <source>{shares} is beyond any real holding</source>
        <translation>{shares}은(는) 실제로 있을 수 없는 보유량입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="197"/>
        <source>must be zero or more, got {shares}</source>
        <translation>0 이상이어야 합니다. 입력값: {shares}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="198"/>
        <source>sleeve name {name} is used twice</source>
        <translation>슬리브 이름 {name}이(가) 두 번 쓰였습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="199"/>
        <source>must be zero or more, got {value}</source>
        <translation>0 이상이어야 합니다. 입력값: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="200"/>
        <source>{shown} is not a ticker symbol ({rule})</source>
        <translation>{shown}은(는) 종목 코드가 아닙니다 ({rule})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="201"/>
        <source>must be at most {pct} %, got {pct2} %</source>
        <translation>최대 {pct} %여야 합니다. 입력값: {pct2} %</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="202"/>
        <source>must be a number ≥ 0, got {shares}</source>
        <translation>0 이상의 숫자여야 합니다. 입력값: {shares}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="203"/>
        <source>the backtest was cancelled</source>
        <translation>백테스트가 취소되었습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="204"/>
        <location filename="../../gui/engine_texts.py" line="255"/>
        <source>no sleeve has role &apos;core&apos;</source>
        <translation>역할이 &apos;핵심&apos;인 슬리브가 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="205"/>
        <source>must be a list of tickers</source>
        <translation>종목 코드 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="206"/>
        <source>must be a list of numbers</source>
        <translation>숫자 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="207"/>
        <source>a ticker is listed twice</source>
        <translation>한 종목이 두 번 나옵니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="208"/>
        <source>{id} is used by two accounts</source>
        <translation>{id}을(를) 두 계좌가 쓰고 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="209"/>
        <source>Yahoo download failed ({reason})</source>
        <translation>Yahoo 다운로드 실패 ({reason})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="210"/>
        <source>must be at least 5 days</source>
        <translation>최소 5일이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="212"/>
        <source>must be a number, got {value}</source>
        <translation>숫자여야 합니다. 입력값: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="213"/>
        <source>must be positive, got {price}</source>
        <translation>양수여야 합니다. 입력값: {price}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="215"/>
        <source>must be positive, got {px}</source>
        <translation>양수여야 합니다. 입력값: {px}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="216"/>
        <source>must be a ticker, got {value}</source>
        <translation>종목 코드여야 합니다. 입력값: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="217"/>
        <source>must be a table, got {name}</source>
        <translation>표여야 합니다. 입력값: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="218"/>
        <source>must be one of {allowed}; got {value}</source>
        <translation>{allowed} 중 하나여야 합니다. 입력값: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="219"/>
        <source>must be true or false</source>
        <translation>true 또는 false여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="220"/>
        <source>must be one of {allowed}; got {column}</source>
        <translation>{allowed} 중 하나여야 합니다. 입력값: {column}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="221"/>
        <source>must be zero or more</source>
        <translation>0 이상이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="222"/>
        <source>{source} is not valid TOML: {exc}</source>
        <translation>{source}은(는) 올바른 TOML이 아닙니다: {exc}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="223"/>
        <source>missing from Yahoo: {which}</source>
        <translation>Yahoo에 없음: {which}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="224"/>
        <source>must be text, got {value}</source>
        <translation>텍스트여야 합니다. 입력값: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="225"/>
        <source>must be symmetric</source>
        <translation>대칭이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="226"/>
        <source>must be ≥ 0, got {value}</source>
        <translation>0 이상이어야 합니다. 입력값: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="227"/>
        <source>must be ≥ 0, got {shares}</source>
        <translation>0 이상이어야 합니다. 입력값: {shares}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="228"/>
        <source>must be &gt; 0, got {shares}</source>
        <translation>0보다 커야 합니다. 입력값: {shares}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="229"/>
        <source>must be ≥ 0, got {basis}</source>
        <translation>0 이상이어야 합니다. 입력값: {basis}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="230"/>
        <source>must be ≥ 0, got {cash}</source>
        <translation>0 이상이어야 합니다. 입력값: {cash}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="231"/>
        <source>must be a number</source>
        <translation>숫자여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="232"/>
        <source>must be a list</source>
        <translation>목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="233"/>
        <source>is required</source>
        <translation>필수 항목입니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="234"/>
        <source>no account {id}</source>
        <translation>{id} 계좌가 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="235"/>
        <source>is empty</source>
        <translation>비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="236"/>
        <source>Expected {expect}</source>
        <translation>{expect}이(가) 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="240"/>
        <source>no connection to Yahoo (offline?); check the network and try again</source>
        <translation>Yahoo에 연결할 수 없습니다 (오프라인?). 네트워크를 확인하고 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="241"/>
        <source>not a ticker symbol; nothing was asked from Yahoo</source>
        <translation>종목 코드가 아닙니다. Yahoo에 요청하지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="242"/>
        <source>Yahoo is limiting requests (rate limit); try again in a few minutes</source>
        <translation>Yahoo가 요청을 제한하고 있습니다 (요청 한도). 몇 분 뒤에 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="243"/>
        <source>Yahoo did not answer in time (network time-out); check the connection and try again</source>
        <translation>Yahoo가 제때 응답하지 않았습니다 (네트워크 시간 초과). 연결을 확인하고 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="244"/>
        <source>Yahoo has no prices for it (unknown or delisted ticker?); check the symbol</source>
        <translation>Yahoo에 이 종목의 가격이 없습니다 (알 수 없거나 상장 폐지된 종목?). 종목 코드를 확인하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="245"/>
        <source>download cancelled</source>
        <translation>다운로드 취소됨</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="246"/>
        <source>no data returned</source>
        <translation>받은 데이터 없음</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="248"/>
        <source>bundled snapshot</source>
        <translation>내장 스냅샷</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="249"/>
        <source>undated</source>
        <translation>날짜 없음</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="170"/>
        <location filename="../../gui/engine_texts.py" line="256"/>
        <source>no sleeves: add at least a core sleeve</source>
        <translation>슬리브가 없습니다: 최소한 핵심 슬리브를 추가하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="114"/>
        <location filename="../../gui/engine_texts.py" line="257"/>
        <source>buy-only cannot pay a withdrawal; use sell-only or full rebalance</source>
        <translation>매수 전용으로는 인출금을 마련할 수 없습니다; 매도 전용이나 전체 리밸런싱을 사용하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_problems.py" line="113"/>
        <location filename="../../gui/engine_texts.py" line="258"/>
        <source>sell-only cannot invest a contribution; use buy-only or full rebalance</source>
        <translation>매도 전용으로는 납입금을 투자할 수 없습니다; 매수 전용이나 전체 리밸런싱을 사용하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="263"/>
        <source>Reading prices</source>
        <translation>가격 읽는 중</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="264"/>
        <source>Estimating risk</source>
        <translation>위험 추정 중</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="265"/>
        <source>Market data ready</source>
        <translation>시장 데이터 준비 완료</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="266"/>
        <source>the portfolio is empty: enter holdings, cash or a contribution</source>
        <translation>포트폴리오가 비어 있습니다: 보유 종목, 현금 또는 납입액을 입력하세요</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="267"/>
        <source>the price download was cancelled; the stored prices were kept</source>
        <translation>가격 다운로드가 취소되었습니다; 저장된 가격은 유지되었습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_texts.py" line="268"/>
        <source>the price download was cancelled; no prices were stored</source>
        <translation>가격 다운로드가 취소되었습니다; 저장된 가격이 없습니다</translation>
    </message>
</context>
<context>
    <name>ExposurePanel</name>
    <message>
        <location filename="../../gui/panels/exposure.py" line="58"/>
        <source>excludes loss-makers</source>
        <translation>적자 기업 제외</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="59"/>
        <source>includes loss-makers</source>
        <translation>적자 기업 포함</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="60"/>
        <source>method not stated by the source</source>
        <translation>출처가 방법을 밝히지 않음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="230"/>
        <source>Sectors through the funds: before, target and after the trades</source>
        <translation>펀드를 통한 섹터 노출: 거래 전, 목표, 거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="231"/>
        <source>Update from Yahoo</source>
        <translation>Yahoo에서 업데이트</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="234"/>
        <source>Download the funds&apos; sector weights, top holdings, P/E and expense ratio from Yahoo into the local cache (needs a network). Until then the bundled, dated snapshot is used.</source>
        <translation>펀드의 섹터 비중, 주요 보유 종목, P/E, 보수율을 Yahoo에서 로컬 캐시로 내려받습니다(네트워크 필요). 그때까지는 함께 제공되는 날짜가 표시된 스냅샷을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="246"/>
        <source>Funds</source>
        <translation>펀드</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="246"/>
        <location filename="../../gui/panels/exposure.py" line="250"/>
        <source>Overlap</source>
        <translation>중복</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="246"/>
        <source>Shared</source>
        <translation>공통</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="246"/>
        <source>Note</source>
        <translation>참고</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="247"/>
        <source>Company</source>
        <translation>기업</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="247"/>
        <source>Before</source>
        <translation>거래 전</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="247"/>
        <source>After</source>
        <translation>거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="247"/>
        <source>Via</source>
        <translation>경유</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="248"/>
        <source>Fund</source>
        <translation>펀드</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="248"/>
        <source>P/E</source>
        <translation>P/E</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="248"/>
        <source>Expense</source>
        <translation>보수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="248"/>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="251"/>
        <source>Companies</source>
        <translation>기업</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="252"/>
        <source>Fund data</source>
        <translation>펀드 데이터</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="292"/>
        <source>No result to look through yet.</source>
        <translation>아직 들여다볼 결과가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="322"/>
        <source>Downloading fund data from Yahoo…</source>
        <translation>Yahoo에서 펀드 데이터를 내려받는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="332"/>
        <source>Updated from Yahoo: {ok}.</source>
        <translation>Yahoo에서 업데이트함: {ok}.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="332"/>
        <location filename="../../gui/panels/exposure.py" line="421"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="334"/>
        <source>Not available: {f}</source>
        <translation>사용할 수 없음: {f}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="344"/>
        <source>Fund data not available: {m}</source>
        <translation>펀드 데이터를 사용할 수 없습니다: {m}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="347"/>
        <source>Fund data not updated: {m}</source>
        <translation>펀드 데이터를 업데이트하지 못했습니다: {m}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="378"/>
        <source>same index ({i}): nearly the same companies</source>
        <translation>같은 지수({i}): 거의 같은 기업</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="380"/>
        <source>at least: top holdings only</source>
        <translation>최소치: 주요 보유 종목만</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="382"/>
        <source>full holdings</source>
        <translation>전체 보유 종목</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="390"/>
        <source>No shared holdings listed</source>
        <translation>공통 보유 종목 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="407"/>
        <location filename="../../gui/panels/exposure.py" line="409"/>
        <location filename="../../gui/panels/exposure.py" line="415"/>
        <source>not available</source>
        <translation>사용할 수 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="415"/>
        <source>no fund data</source>
        <translation>펀드 데이터 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="421"/>
        <source>Data: {s}</source>
        <translation>데이터: {s}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="429"/>
        <location filename="../../gui/panels/exposure.py" line="432"/>
        <source>n/a</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="434"/>
        <source>P/E (weighted harmonic) {b} → target {t} → after {a}</source>
        <translation>P/E(가중 조화평균) {b} → 목표 {t} → 거래 후 {a}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="438"/>
        <source> · {name} {pe}</source>
        <translation> · {name} {pe}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="439"/>
        <source> · P/B {b} → {a}</source>
        <translation> · P/B {b} → {a}</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <location filename="../../gui/window_files.py" line="57"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="58"/>
        <source>Save the changes to this scenario first?</source>
        <translation>이 시나리오의 변경 사항을 먼저 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="73"/>
        <source>New scenario</source>
        <translation>새 시나리오</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="73"/>
        <source>Start from:</source>
        <translation>시작 템플릿:</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="79"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="99"/>
        <source>Open scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="108"/>
        <location filename="../../gui/window_files.py" line="113"/>
        <source>Cannot open scenario</source>
        <translation>시나리오를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="126"/>
        <source>Save scenario</source>
        <translation>시나리오 저장</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="138"/>
        <source>Cannot save scenario</source>
        <translation>시나리오를 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="142"/>
        <source>Saved {name}</source>
        <translation>{name} 저장됨</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="147"/>
        <source>Import holdings</source>
        <translation>보유 종목 가져오기</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="158"/>
        <source>Holdings not imported from {name}: {msg}. Nothing was changed.</source>
        <translation>{name}에서 보유 종목을 가져오지 못했습니다: {msg}. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="160"/>
        <source>Holdings not imported</source>
        <translation>보유 종목을 가져오지 못함</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="178"/>
        <source>Export trades</source>
        <translation>거래 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="183"/>
        <source>Export orders (one file per account)</source>
        <translation>주문 내보내기 (계좌마다 파일 하나)</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="200"/>
        <source>Replace files?</source>
        <translation>파일을 바꿀까요?</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="201"/>
        <source>These files exist and will be replaced: {names}</source>
        <translation>다음 파일이 이미 있으며 새 내용으로 바뀝니다: {names}</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="217"/>
        <location filename="../../gui/window_files.py" line="228"/>
        <location filename="../../gui/window_files.py" line="232"/>
        <source>Cannot export trades</source>
        <translation>거래를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="218"/>
        <source>No trade list meets every account&apos;s rules and the limits: nothing was exported.</source>
        <translation>모든 계좌의 규칙과 한도를 함께 지키는 거래 목록이 없습니다: 아무것도 내보내지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="236"/>
        <source>Orders saved, one file per account: {names}</source>
        <translation>주문을 계좌별 파일로 저장했습니다: {names}</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="238"/>
        <source>Trades saved to {names}</source>
        <translation>거래를 {names}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="245"/>
        <source>Open or create a scenario first (File → New or Open).</source>
        <translation>먼저 시나리오를 열거나 만드세요 (파일 → 새로 만들기 또는 열기).</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="247"/>
        <source>No result yet: fix the problem shown, or wait for the computation.</source>
        <translation>아직 결과가 없습니다: 표시된 문제를 고치거나 계산이 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="249"/>
        <source>No trade list meets every account&apos;s rules and the limits: nothing to export.</source>
        <translation>모든 계좌의 규칙과 한도를 함께 지키는 거래 목록이 없습니다: 내보낼 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="251"/>
        <source>No trades to export: the portfolio is already on target.</source>
        <translation>내보낼 거래가 없습니다: 포트폴리오가 이미 목표에 맞습니다.</translation>
    </message>
</context>
<context>
    <name>FrontierChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="244"/>
        <source>Volatility vs tracking error: how close to the targets each risk level allows</source>
        <translation>변동성 대 추적오차: 위험 수준별로 목표에 얼마나 가까이 갈 수 있는지</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="247"/>
        <source>Volatility (annualized, %)</source>
        <translation>변동성 (연율, %)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="248"/>
        <source>Tracking error (%)</source>
        <translation>추적오차 (%)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="251"/>
        <location filename="../../gui/panels/charts.py" line="342"/>
        <source>Frontier</source>
        <translation>프런티어</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="260"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="260"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="260"/>
        <source>Proposed</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="316"/>
        <source>cap {cap}</source>
        <translation>상한 {cap}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="346"/>
        <source>{name}: volatility {vol}, tracking error {te}</source>
        <translation>{name}: 변동성 {vol}, 추적오차 {te}</translation>
    </message>
</context>
<context>
    <name>HistoryTabs</name>
    <message>
        <location filename="../../gui/panels/stress.py" line="315"/>
        <source>Backtest</source>
        <translation>백테스트</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="316"/>
        <source>Stress</source>
        <translation>스트레스</translation>
    </message>
</context>
<context>
    <name>HoldingsPanel</name>
    <message>
        <location filename="../../gui/panels/holdings.py" line="52"/>
        <location filename="../../gui/panels/holdings.py" line="148"/>
        <source>Holdings</source>
        <translation>보유 종목</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="68"/>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="69"/>
        <source>Add a holding by its ticker symbol</source>
        <translation>티커로 보유 종목 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="70"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="71"/>
        <source>Remove the selected holding</source>
        <translation>선택한 보유 종목 삭제</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="72"/>
        <location filename="../../gui/panels/holdings.py" line="91"/>
        <source>Import CSV…</source>
        <translation>CSV 가져오기…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="73"/>
        <source>Replace holdings from a CSV file: ticker, shares[, price]</source>
        <translation>CSV 파일로 보유 종목 대체: 티커, 주식 수[, 가격]</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="86"/>
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="94"/>
        <source>Replace one account&apos;s holdings from a CSV file (ticker, shares[, price]), or import a broker statement</source>
        <translation>CSV 파일(티커, 주식 수[, 가격])로 한 계좌의 보유 종목을 바꾸거나, 증권사 명세서를 가져옵니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="148"/>
        <source>Holdings by account</source>
        <translation>계좌별 보유 종목</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="182"/>
        <source>Add holding</source>
        <translation>보유 종목 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="221"/>
        <source>Not in your targets</source>
        <translation>목표에 없는 종목</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="224"/>
        <source>{ticker} is not in your targets. Add it to a sleeve, or sell it?</source>
        <translation>{ticker}은(는) 목표에 없습니다. 슬리브에 추가할까요, 아니면 매도할까요?</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="229"/>
        <source>A holding without a target is sold by the rebalance (unless you mark it No sell).</source>
        <translation>목표가 없는 보유 종목은 리밸런싱에서 매도됩니다(매도 금지로 표시하지 않은 경우).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="231"/>
        <source>Add to a sleeve…</source>
        <translation>슬리브에 추가…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="232"/>
        <source>Sell it</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="241"/>
        <source>Add to a sleeve</source>
        <translation>슬리브에 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="242"/>
        <source>Sleeve for {ticker}:</source>
        <translation>{ticker}의 슬리브:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="266"/>
        <source>Every account, from a broker statement…</source>
        <translation>모든 계좌, 증권사 명세서에서…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="272"/>
        <location filename="../../gui/panels/holdings.py" line="286"/>
        <source>Import holdings</source>
        <translation>보유 종목 가져오기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="273"/>
        <source>The CSV replaces the holdings of:</source>
        <translation>CSV로 보유 종목을 바꿀 계좌:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="303"/>
        <source>Holdings not imported from {name}: {msg}. Nothing was changed.</source>
        <translation>{name}에서 보유 종목을 가져오지 못했습니다: {msg}. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="198"/>
        <source>{text} is not a ticker symbol: use letters, digits, &apos;.&apos; or &apos;-&apos;</source>
        <translation>{text}은(는) 티커가 아닙니다: 문자, 숫자, &apos;.&apos; 또는 &apos;-&apos;만 쓰세요</translation>
    </message>
    <message>
        <location filename="../../gui/panels/holdings.py" line="203"/>
        <source>{ticker} is already in the table: edit its shares instead</source>
        <translation>{ticker}은(는) 이미 표에 있습니다: 대신 주식 수를 고치세요</translation>
    </message>
</context>
<context>
    <name>HouseholdAllocationChart</name>
    <message>
        <location filename="../../gui/panels/household_allocation.py" line="29"/>
        <source>The household as one portfolio, or one of its accounts</source>
        <translation>가구 전체를 하나의 포트폴리오로, 또는 그 계좌 하나를</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_allocation.py" line="43"/>
        <source>Household</source>
        <translation>가구</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_allocation.py" line="68"/>
        <source>% of portfolio</source>
        <translation>포트폴리오 대비 %</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_allocation.py" line="71"/>
        <source>% of {account} (targets are the household&apos;s)</source>
        <translation>{account} 대비 % (목표는 가구 전체 기준)</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="59"/>
        <source>Add account…</source>
        <translation>계좌 추가…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="60"/>
        <source>Remove account</source>
        <translation>계좌 삭제</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="62"/>
        <source>Remove the selected account (a position: set its shares to 0)</source>
        <translation>선택한 계좌를 삭제합니다 (보유 종목은 주식 수를 0으로 하세요)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="64"/>
        <source>Add holding…</source>
        <translation>보유 종목 추가…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="65"/>
        <source>Add a position to the selected account</source>
        <translation>선택한 계좌에 보유 종목을 추가합니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="66"/>
        <source>Account…</source>
        <translation>계좌 설정…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="68"/>
        <source>The selected account&apos;s name, broker, cash buffer, cash flow and no-buy / no-sell lists</source>
        <translation>선택한 계좌의 이름, 증권사, 현금 완충, 현금 흐름, 매수 금지 / 매도 금지 목록</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="126"/>
        <source>basis unknown</source>
        <translation>취득 원가 모름</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="134"/>
        <source>date unknown</source>
        <translation>날짜 모름</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="169"/>
        <source>not rebalanced</source>
        <translation>리밸런싱 안 함</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="175"/>
        <source>Held in this account but not rebalanced (a mutual fund, option, bond, short or non-USD line): listed with the market value of the last import, never traded, in no weight, limit or total. Import the account&apos;s statement again to update it.</source>
        <translation>이 계좌에 보유하지만 리밸런싱하지 않는 항목입니다(뮤추얼 펀드, 옵션, 채권, 공매도 또는 USD 이외 통화 항목). 마지막 가져오기의 시장 가치로 표시되며, 거래되지 않고 어떤 비중·한도·합계에도 포함되지 않습니다. 갱신하려면 계좌 명세서를 다시 가져오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="204"/>
        <source>Fewer shares trim the newest tax lots first; for more shares than the lots hold, import a lots file or the statement</source>
        <translation>주식 수를 줄이면 가장 최근 세금 로트부터 줄어듭니다. 로트보다 많은 주식은 로트 파일이나 명세서를 가져오세요</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="241"/>
        <source>Select an account first, then add a holding to it.</source>
        <translation>먼저 계좌를 선택한 다음 보유 종목을 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="243"/>
        <location filename="../../gui/panels/household_editor.py" line="248"/>
        <source>Add holding</source>
        <translation>보유 종목 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="243"/>
        <source>Ticker:</source>
        <translation>티커:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="248"/>
        <source>Shares:</source>
        <translation>주식 수:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="254"/>
        <source>Add account</source>
        <translation>계좌 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="254"/>
        <source>Account name:</source>
        <translation>계좌 이름:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="274"/>
        <source>Select an account first.</source>
        <translation>먼저 계좌를 선택하세요.</translation>
    </message>
</context>
<context>
    <name>HouseholdTreePanel</name>
    <message>
        <location filename="../../gui/panels/household_tree.py" line="38"/>
        <source>Household</source>
        <translation>가구</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="36"/>
        <source>Account / position</source>
        <translation>계좌 / 보유 종목</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="37"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="38"/>
        <source>Cash / shares</source>
        <translation>현금 / 주식 수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/household_editor.py" line="39"/>
        <source>Cost basis</source>
        <translation>취득 원가</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="189"/>
        <source>mutual fund</source>
        <translation>뮤추얼 펀드</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="190"/>
        <source>option</source>
        <translation>옵션</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="191"/>
        <source>bond</source>
        <translation>채권</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="192"/>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="193"/>
        <source>short position</source>
        <translation>공매도 포지션</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="203"/>
        <source>priced in {currency}</source>
        <translation>{currency} 표시 가격</translation>
    </message>
</context>
<context>
    <name>ImportText</name>
    <message>
        <location filename="../../gui/import_texts.py" line="26"/>
        <source>{label}: new account (from {source})</source>
        <translation>{label}: 새 계좌({source}에서)</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="27"/>
        <source>{label}: new account</source>
        <translation>{label}: 새 계좌</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="28"/>
        <source>{label}: updated (from {source})</source>
        <translation>{label}: 갱신됨({source}에서)</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="29"/>
        <source>{label}: updated</source>
        <translation>{label}: 갱신됨</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="30"/>
        <source>{label}: lots added (from {source})</source>
        <translation>{label}: 세금 로트 추가됨({source}에서)</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="31"/>
        <source>{label}: lots added</source>
        <translation>{label}: 세금 로트 추가됨</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="32"/>
        <source>{label}: not in this statement: kept as it is</source>
        <translation>{label}: 이 명세서에 없음 — 그대로 유지</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="33"/>
        <source>{label}: replaced by the statement&apos;s accounts</source>
        <translation>{label}: 명세서의 계좌들로 대체됨</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="25"/>
        <source>the scenario&apos;s one portfolio: replaced by the statement&apos;s accounts</source>
        <translation>시나리오의 단일 포트폴리오: 명세서의 계좌들로 대체됨</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="34"/>
        <source>new: {ticker} {shares} shares</source>
        <translation>신규: {ticker} {shares}주</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="35"/>
        <source>bought: {ticker} {before} → {after} shares ({change})</source>
        <translation>매수: {ticker} {before} → {after}주 ({change})</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="36"/>
        <source>sold: {ticker} {before} → {after} shares ({change})</source>
        <translation>매도: {ticker} {before} → {after}주 ({change})</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="37"/>
        <source>gone: {ticker} (was {before} shares)</source>
        <translation>없어짐: {ticker}(이전 {before}주)</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="38"/>
        <source>cash: {before} → {after}</source>
        <translation>현금: {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="39"/>
        <source>no change in shares or cash</source>
        <translation>주식 수와 현금 변동 없음</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="40"/>
        <source>unchanged: {tickers}</source>
        <translation>변동 없음: {tickers}</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="41"/>
        <source>in total (all accounts):</source>
        <translation>합계(모든 계좌):</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="42"/>
        <source>no change: the statement holds the same shares, cash and lots as the scenario</source>
        <translation>변동 없음: 명세서의 주식 수, 현금, 세금 로트가 시나리오와 같습니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="43"/>
        <source>held, not rebalanced: {symbol} in {account} ({value}, {why}) — listed with the account, never traded, in no weight</source>
        <translation>보유, 리밸런싱 안 함: {account}의 {symbol} ({value}, {why}) — 계좌에 표시되며 거래하지 않고 어떤 비중에도 포함되지 않음</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="45"/>
        <source>{ticker}: some lots have no cost basis in the file; basis unknown</source>
        <translation>{ticker}: 파일에 취득 원가가 없는 로트가 있어 취득 원가를 알 수 없음</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="46"/>
        <source>{ticker}: {count} lot(s), basis {basis}, acquired {first} … {last} from the file</source>
        <translation>{ticker}: 파일의 로트 {count}개, 취득 원가 {basis}, 취득일 {first} … {last}</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="47"/>
        <source>{ticker}: {count} lot(s), basis {basis}, acquired {first} from the file</source>
        <translation>{ticker}: 파일의 로트 {count}개, 취득 원가 {basis}, 취득일 {first}</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="48"/>
        <source>{ticker}: {count} lot(s), basis {basis} from the file</source>
        <translation>{ticker}: 파일의 로트 {count}개, 취득 원가 {basis}</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="49"/>
        <source>{ticker}: its {count} lot(s) kept (same shares as before)</source>
        <translation>{ticker}: 로트 {count}개 유지(주식 수가 이전과 같음)</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="50"/>
        <source>{ticker}: cost basis {basis} from the file kept as one lot without a date (the file has no lot details; import a lots file for them)</source>
        <translation>{ticker}: 파일의 취득 원가 {basis}를 날짜 없는 로트 하나로 보관(파일에 로트 세부 정보가 없음 — 세금 로트 파일을 가져오세요)</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="52"/>
        <source>{name}: the statement calls it {words}; its kind stays {kind} (change it in the Accounts tab if that is wrong)</source>
        <translation>{name}: 명세서에서는 {words}(으)로 부르지만 계좌 종류는 {kind}(으)로 유지됩니다(틀렸다면 계좌 탭에서 바꾸세요)</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="53"/>
        <source>{label}: the statement&apos;s cash is {cash} (a debit); the account&apos;s cash is set to 0: enter the debit as a withdrawal (cash flow) of the account</source>
        <translation>{label}: 명세서의 현금이 {cash}(차변)이라 계좌 현금을 0으로 둡니다. 차변은 계좌의 인출(현금 흐름)로 입력하세요</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="54"/>
        <source>the scenario&apos;s cash buffer ({buffer}) and cash flow ({flow}) now belong to {name}</source>
        <translation>시나리오의 현금 완충액({buffer})과 현금 흐름({flow})은 이제 {name}에 속합니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="55"/>
        <source>the scenario held one portfolio; it now holds the statement&apos;s {count} account(s), each with its own positions, cash and lots</source>
        <translation>시나리오에 포트폴리오가 하나였지만, 이제 명세서의 계좌 {count}개가 각자의 보유 종목, 현금, 세금 로트를 가집니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="56"/>
        <source>the scenario&apos;s one portfolio becomes one taxable account, so its positions can hold lots</source>
        <translation>시나리오의 단일 포트폴리오가 과세 계좌 하나가 되어 보유 종목에 세금 로트를 둘 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="57"/>
        <source>your own prices for {tickers} were dropped: market prices are used</source>
        <translation>{tickers}에 직접 입력한 가격은 버려지고 시장 가격을 씁니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="59"/>
        <source>total {total} (the file states no account total to check against)</source>
        <translation>합계 {total}(파일에 대조할 계좌 합계가 없음)</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="60"/>
        <source>total {total} matches the file&apos;s account total</source>
        <translation>합계 {total} — 파일의 계좌 합계와 일치</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="61"/>
        <source>total {total} does NOT match the file&apos;s account total {reported} (difference {difference})</source>
        <translation>합계 {total} — 파일의 계좌 합계 {reported}와 일치하지 않음(차이 {difference})</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="63"/>
        <source>line {line}: {symbol} quantity × price = {computed} but the file says market value {value}; the file&apos;s market value is used</source>
        <translation>{line}행: {symbol} 수량 × 가격 = {computed}이지만 파일의 평가액은 {value}입니다. 파일의 평가액을 씁니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="64"/>
        <source>line {line}: {symbol} has no price; its value is not in the total</source>
        <translation>{line}행: {symbol}에 가격이 없어 합계에 포함되지 않음</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="65"/>
        <source>line {line}: {symbol} is a money-market fund (cash); its lots are not kept</source>
        <translation>{line}행: {symbol}은(는) MMF(현금)이므로 로트를 보관하지 않음</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="66"/>
        <source>{symbol} {value} (money market) counted as cash</source>
        <translation>{symbol} {value}(MMF)는 현금으로 계산</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="67"/>
        <source>{symbol} {value} (core account) counted as cash</source>
        <translation>{symbol} {value}(코어 계좌)는 현금으로 계산</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="68"/>
        <source>pending activity {value} counted as cash</source>
        <translation>미결제 거래 {value}는 현금으로 계산</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="69"/>
        <source>{count} footer line(s) of text ignored</source>
        <translation>바닥글 텍스트 {count}행 무시</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="70"/>
        <source>{symbol} is priced in {currency}: held, not rebalanced</source>
        <translation>{symbol}은(는) {currency} 표시 가격: 보유, 리밸런싱 안 함</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="71"/>
        <source>cash {value} {currency} not counted: only USD is rebalanced</source>
        <translation>현금 {value} {currency}는 계산하지 않음: USD만 리밸런싱합니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="72"/>
        <source>account base currency is {currency}; its total is not comparable to the USD lines</source>
        <translation>계좌 기준 통화가 {currency}라 합계를 USD 항목과 비교할 수 없음</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="73"/>
        <source>the Flex query has no account total (add Net Asset Value to the query to check it)</source>
        <translation>Flex 쿼리에 계좌 합계가 없습니다(확인하려면 쿼리에 Net Asset Value를 추가하세요)</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="74"/>
        <source>two securities share the id {id}; the first ({symbol}) is used</source>
        <translation>두 증권이 같은 ID {id}를 씁니다. 첫 번째({symbol})를 씁니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="75"/>
        <source>security {id} has no ticker in the file; its id is used as the symbol</source>
        <translation>증권 {id}은(는) 파일에 티커가 없어 ID를 종목 코드로 씁니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="76"/>
        <source>latest transaction in the file: {date}</source>
        <translation>파일의 최근 거래일: {date}</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="77"/>
        <source>Vanguard&apos;s CSV states no account totals and no date; totals are the sum of the lines</source>
        <translation>Vanguard CSV에는 계좌 합계와 날짜가 없어 합계는 항목의 합입니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="78"/>
        <source>the file states no date; the statement&apos;s period is in its name</source>
        <translation>파일에 날짜가 없습니다. 명세서 기간은 파일 이름에 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="106"/>
        <source>Schwab positions CSV</source>
        <translation>Schwab 보유 종목 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="107"/>
        <source>Schwab lot details CSV</source>
        <translation>Schwab 로트 상세 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="108"/>
        <source>Fidelity positions CSV</source>
        <translation>Fidelity 보유 종목 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="109"/>
        <source>Fidelity statement CSV</source>
        <translation>Fidelity 거래 명세서 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="110"/>
        <source>Fidelity open lots CSV</source>
        <translation>Fidelity 보유 로트 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="111"/>
        <source>Vanguard OfxDownload CSV</source>
        <translation>Vanguard OfxDownload CSV</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="112"/>
        <source>IBKR Flex Query XML</source>
        <translation>IBKR Flex Query XML</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="113"/>
        <source>OFX/QFX investment statement</source>
        <translation>OFX/QFX 투자 명세서</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="114"/>
        <source>CSV (mapped columns)</source>
        <translation>CSV (열 직접 지정)</translation>
    </message>
</context>
<context>
    <name>LookThroughLimitsPanel</name>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="60"/>
        <source>Look-through limits (sectors and companies through the funds)</source>
        <translation>투시 한도 (펀드를 통한 섹터와 기업)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="70"/>
        <source>Limit</source>
        <translation>제한</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="70"/>
        <source>Cap</source>
        <translation>한도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="70"/>
        <source>Now</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="70"/>
        <source>After</source>
        <translation>거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="70"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="80"/>
        <source>A sector the funds hold (from their sector weights)</source>
        <translation>펀드가 보유한 섹터 (펀드의 섹터 비중 기준)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="82"/>
        <source>at most</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="83"/>
        <source>at least</source>
        <translation>최소</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="84"/>
        <source>A cap (at most) or a floor (at least) on the sector&apos;s share</source>
        <translation>섹터 비중의 상한(최대) 또는 하한(최소)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="86"/>
        <source>Add sector cap</source>
        <translation>섹터 한도 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="89"/>
        <source>At most this share of the portfolio in the sector, counted through every fund (e.g. Financials ≤ 20 %).</source>
        <translation>모든 펀드를 통해 합산한 이 섹터의 포트폴리오 비중 상한 (예: 금융 ≤ 20 %).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="94"/>
        <source>Company ticker</source>
        <translation>기업 티커</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="97"/>
        <source>An underlying company&apos;s ticker. Its share is summed over every fund that lists it; funds that list only their top holdings understate it.</source>
        <translation>기초 기업의 티커. 비중은 그 기업을 나열한 모든 펀드에 걸쳐 합산됩니다; 상위 보유 종목만 나열하는 펀드는 비중을 과소평가합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="103"/>
        <source>Add company cap</source>
        <translation>기업 한도 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="180"/>
        <source>“{t}” is not a ticker ({rule}); type the company&apos;s ticker, e.g. AAPL</source>
        <translation>“{t}”은(는) 티커가 아닙니다 ({rule}); 기업의 티커를 입력하세요, 예: AAPL</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="217"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="218"/>
        <source>Remove this limit</source>
        <translation>이 한도 제거</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="239"/>
        <source>{c}: at most</source>
        <translation>{c}: 최대</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="241"/>
        <source>{s}: at least</source>
        <translation>{s}: 최소</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="242"/>
        <source>{s}: at most</source>
        <translation>{s}: 최대</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="275"/>
        <source>Fund data not available: {m}</source>
        <translation>펀드 데이터를 사용할 수 없습니다: {m}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="318"/>
        <source>cannot bind</source>
        <translation>구속할 수 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="318"/>
        <source>No fund data lists this company.</source>
        <translation>이 기업을 나열한 펀드 데이터가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="331"/>
        <source>not listed</source>
        <translation>목록에 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="340"/>
        <source>not available</source>
        <translation>사용할 수 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="340"/>
        <source>No held fund has sector data.</source>
        <translation>보유한 펀드 중 섹터 데이터가 있는 펀드가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="341"/>
        <source>{p} of the portfolio is in funds without sector data.</source>
        <translation>포트폴리오의 {p}가 섹터 데이터가 없는 펀드에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="350"/>
        <source>binds</source>
        <translation>구속 중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="354"/>
        <source>conflicts</source>
        <translation>충돌</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="360"/>
        <source>Fund data not available</source>
        <translation>펀드 데이터 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="361"/>
        <source>Fund data: read with the first result</source>
        <translation>펀드 데이터: 첫 결과와 함께 읽음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="370"/>
        <source>Fund data: {s}</source>
        <translation>펀드 데이터: {s}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="370"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lookthrough_limits.py" line="372"/>
        <source>not available for {t} (counted in no sector)</source>
        <translation>{t}에는 없음 (어느 섹터에도 포함되지 않음)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/mainwindow.py" line="105"/>
        <location filename="../../gui/window_layout.py" line="51"/>
        <source>Proposed trades</source>
        <translation>제안된 거래</translation>
    </message>
    <message>
        <location filename="../../gui/window_tabs.py" line="50"/>
        <source>Exposure</source>
        <translation>노출</translation>
    </message>
    <message>
        <location filename="../../gui/window_tabs.py" line="64"/>
        <source>Accounts</source>
        <translation>계좌</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="146"/>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="147"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="148"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="149"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="151"/>
        <source>&amp;Import Holdings…</source>
        <translation>보유 종목 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="154"/>
        <source>Replace the holdings from a CSV file</source>
        <translation>CSV 파일로 보유 종목 대체</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="157"/>
        <source>Import &amp;Prices…</source>
        <translation>가격 가져오기(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="160"/>
        <source>Add price history from CSV files (Yahoo, yfinance, EODHD or Date,Close layout)</source>
        <translation>CSV 파일에서 가격 이력 추가 (Yahoo, yfinance, EODHD 또는 Date,Close 형식)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="163"/>
        <source>&amp;Export Trades…</source>
        <translation>거래 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="166"/>
        <source>Save the proposed trades as a CSV file</source>
        <translation>제안된 거래를 CSV 파일로 저장</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="168"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="169"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="170"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="172"/>
        <source>Edit &amp;Targets…</source>
        <translation>목표 편집(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="175"/>
        <source>Add, remove or rename sleeves and tickers; roles, bounds, drift bands and notes</source>
        <translation>슬리브와 티커 추가·삭제·이름 변경, 역할, 한도, 이탈 허용 범위, 메모</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="177"/>
        <source>&amp;Refresh Prices</source>
        <translation>가격 새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="178"/>
        <source>Use &amp;Demo Data</source>
        <translation>데모 데이터 사용(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="180"/>
        <source>Reset Damaged Price &amp;Store…</source>
        <translation>손상된 가격 저장소 초기화(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="183"/>
        <source>&amp;About Coresat</source>
        <translation>Coresat 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="191"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="193"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="200"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="204"/>
        <source>&amp;Data</source>
        <translation>데이터(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="206"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="226"/>
        <location filename="../../gui/mainwindow.py" line="245"/>
        <source>Computing…</source>
        <translation>계산 중…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="274"/>
        <source>Last solve: {ms} ms</source>
        <translation>마지막 계산: {ms} ms</translation>
    </message>
    <message>
        <location filename="../../gui/window_layout.py" line="54"/>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="111"/>
        <source>Cannot open scenario</source>
        <translation>시나리오를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="112"/>
        <source>{name}: this file could not be read ({error}).</source>
        <translation>{name}: 이 파일을 읽을 수 없습니다({error}).</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="357"/>
        <source>not saved</source>
        <translation>저장 안 됨</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="19"/>
        <source>&amp;Book</source>
        <translation>장부(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="21"/>
        <source>&amp;Open Book…</source>
        <translation>장부 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="24"/>
        <source>&amp;New Book…</source>
        <translation>새 장부(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="27"/>
        <source>Open &amp;My Book</source>
        <translation>내 장부 열기(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="31"/>
        <source>&amp;Review Window</source>
        <translation>검토 창(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="34"/>
        <source>Rebalance &amp;All…</source>
        <translation>전체 리밸런싱(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="37"/>
        <source>&amp;Compare Scenarios…</source>
        <translation>시나리오 비교(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="40"/>
        <source>Export Proposal &amp;PDF…</source>
        <translation>제안서 PDF 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="44"/>
        <source>Select one proposal in the review window first</source>
        <translation>먼저 검토 창에서 제안 하나를 선택하세요</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="48"/>
        <source>Dask &amp;Scheduler…</source>
        <translation>Dask 스케줄러(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="51"/>
        <source>Run Rebalance All on a Dask cluster instead of local processes</source>
        <translation>전체 리밸런싱을 로컬 프로세스 대신 Dask 클러스터에서 실행합니다</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="94"/>
        <source>Dask scheduler</source>
        <translation>Dask 스케줄러</translation>
    </message>
    <message>
        <location filename="../../gui/book/menu.py" line="95"/>
        <source>Scheduler address for Rebalance All (e.g. tcp://host:8786); empty: local processes</source>
        <translation>전체 리밸런싱에 쓸 스케줄러 주소(예: tcp://host:8786). 비워 두면 로컬 프로세스</translation>
    </message>
</context>
<context>
    <name>MarketCommands</name>
    <message>
        <location filename="../../gui/window_market.py" line="39"/>
        <source>unknown date</source>
        <translation>날짜 모름</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="41"/>
        <source>Data: {src} · prices as of {date}</source>
        <translation>데이터: {src} · {date} 기준 가격</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="54"/>
        <source>No connection to the internet: prices were not updated.</source>
        <translation>인터넷에 연결되어 있지 않아 가격을 업데이트하지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="56"/>
        <source>Prices were not updated: {m}</source>
        <translation>가격을 업데이트하지 못했습니다: {m}</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="59"/>
        <source>The prices and the result shown are kept.</source>
        <translation>표시된 가격과 결과는 그대로 유지됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="60"/>
        <location filename="../../gui/window_market.py" line="74"/>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="64"/>
        <source>A similar fund&apos;s price history can stand in for {tickers}, or they can be left out of the risk model (the risk figures then leave them out).</source>
        <translation>비슷한 펀드의 가격 이력이 {tickers}을(를) 대신할 수 있습니다. 또는 위험 모델에서 제외할 수도 있습니다 (그러면 위험 수치에서 빠집니다).</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="69"/>
        <source>Use a Proxy…</source>
        <translation>대리 펀드 사용…</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="71"/>
        <source>Leave Out of Risk Model</source>
        <translation>위험 모델에서 제외</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="75"/>
        <source>Data: not available</source>
        <translation>데이터: 없음</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="106"/>
        <source>market data: {m}</source>
        <translation>시장 데이터: {m}</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="117"/>
        <source>Refreshing prices…</source>
        <translation>가격 새로 고침 중…</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="117"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="118"/>
        <source>Refresh prices</source>
        <translation>가격 새로 고침</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="126"/>
        <source>Import prices</source>
        <translation>가격 가져오기</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="139"/>
        <source>Prices imported: {list}.</source>
        <translation>가격을 가져왔습니다: {list}.</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="144"/>
        <source>Prices not imported: {m}. Nothing was changed.</source>
        <translation>가격을 가져오지 못했습니다: {m}. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/window_market.py" line="145"/>
        <source>Choose files…</source>
        <translation>파일 선택…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../gui/messagebar.py" line="22"/>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../gui/message_texts.py" line="25"/>
        <source>{ticker} is not in your targets: sold ({before} → {after})</source>
        <translation>{ticker}은(는) 목표에 없어 매도합니다 ({before} → {after})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="26"/>
        <source>{ticker} is not in your targets: bought ({before} → {after})</source>
        <translation>{ticker}은(는) 목표에 없지만 매수합니다 ({before} → {after})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="27"/>
        <source>{ticker} is not in your targets: bought to keep volatility under the {cap} cap ({before} → {after})</source>
        <translation>{ticker}은(는) 목표에 없지만 변동성을 상한 {cap} 아래로 유지하려고 매수합니다 ({before} → {after})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="28"/>
        <source>drifted {drift} points above its target (band ±{band}): sold back toward it ({before} → {after}, target {target})</source>
        <translation>목표보다 {drift}포인트 높게 이탈(허용 범위 ±{band}): 목표 쪽으로 매도합니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="29"/>
        <source>drifted {drift} points below its target (band ±{band}): bought back toward it ({before} → {after}, target {target})</source>
        <translation>목표보다 {drift}포인트 낮게 이탈(허용 범위 ±{band}): 목표 쪽으로 매수합니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="30"/>
        <source>raises cash for the {amount} withdrawal from an overweight holding, toward its target ({before} → {after}, target {target})</source>
        <translation>{amount} 인출에 쓸 현금을 비중 초과 종목에서 마련하며 목표에 가까워집니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="31"/>
        <source>sold to fund the {amount} withdrawal, although this moves it away from its target ({before} → {after}, target {target})</source>
        <translation>{amount} 인출 자금을 마련하려고 매도합니다. 목표에서는 멀어집니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="32"/>
        <source>invests part of the {amount} contribution where it is underweight ({before} → {after}, target {target})</source>
        <translation>{amount} 입금액 일부를 비중 미달 종목에 투자합니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="33"/>
        <source>invests part of the {amount} contribution, although this moves it away from its target ({before} → {after}, target {target})</source>
        <translation>{amount} 입금액 일부를 투자합니다. 목표에서는 멀어집니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="34"/>
        <source>invests idle cash where it is underweight ({before} → {after}, target {target})</source>
        <translation>남는 현금을 비중 미달 종목에 투자합니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="35"/>
        <source>raises cash for the {amount} cash buffer from an overweight holding, toward its target ({before} → {after}, target {target})</source>
        <translation>{amount} 현금 완충에 쓸 현금을 비중 초과 종목에서 마련하며 목표에 가까워집니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="36"/>
        <source>sold to restore the {amount} cash buffer, although this moves it away from its target ({before} → {after}, target {target})</source>
        <translation>{amount} 현금 완충을 채우려고 매도합니다. 목표에서는 멀어집니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="37"/>
        <source>moves toward its target as part of the rebalance ({before} → {after}, target {target})</source>
        <translation>리밸런싱의 일부로 목표에 가까워집니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="38"/>
        <source>cut below its target to keep volatility under the {cap} cap ({before} → {after}, target {target})</source>
        <translation>변동성을 상한 {cap} 아래로 유지하려고 목표보다 낮춥니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="39"/>
        <source>sold although this moves it further from its target: keeps volatility under the {cap} cap ({before} → {after}, target {target})</source>
        <translation>목표에서 더 멀어지지만 변동성을 상한 {cap} 아래로 유지하려고 매도합니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="40"/>
        <source>raised above its target to keep volatility under the {cap} cap ({before} → {after}, target {target})</source>
        <translation>변동성을 상한 {cap} 아래로 유지하려고 목표보다 높입니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="41"/>
        <source>bought although this moves it further from its target: keeps volatility under the {cap} cap ({before} → {after}, target {target})</source>
        <translation>목표에서 더 멀어지지만 변동성을 상한 {cap} 아래로 유지하려고 매수합니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="42"/>
        <source>sold to respect the {limit} of {bound} ({before} → {after}, target {target})</source>
        <translation>{limit} {bound}을(를) 지키려고 매도합니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="43"/>
        <source>bought to meet the {limit} of {bound} ({before} → {after}, target {target})</source>
        <translation>{limit} {bound}을(를) 채우려고 매수합니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="44"/>
        <source>moves away from its target while the portfolio as a whole gets closer to its targets (tracking error {te_before} → {te_after}) ({before} → {after}, target {target})</source>
        <translation>이 종목은 목표에서 멀어지지만 포트폴리오 전체는 목표에 가까워집니다 (추적오차 {te_before} → {te_after}) ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="45"/>
        <source>moves away from its target ({before} → {after}, target {target})</source>
        <translation>목표에서 멀어집니다 ({before} → {after}, 목표 {target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="46"/>
        <source>sold in {account} ({kind}): a sale here realizes no taxable gain</source>
        <translation>{account} ({kind})에서 매도: 이 계좌의 매도는 과세 차익을 실현하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="47"/>
        <source>selling {shares} shares in {account} instead: {how}</source>
        <translation>대신 {account}에서 {shares}주를 매도하면: {how}</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="48"/>
        <source>basis unknown: the {bps} bps placeholder, {cost}</source>
        <translation>취득 원가 모름: 대체 비용 {bps} bp, {cost}</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="49"/>
        <source>gain {gain}, estimated tax {tax} ({year} rates)</source>
        <translation>차익 {gain}, 예상 세금 {tax} ({year}년 세율)</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="50"/>
        <source>loss {loss}, estimated tax {tax} ({year} rates)</source>
        <translation>손실 {loss}, 예상 세금 {tax} ({year}년 세율)</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="51"/>
        <source>sold in {account} ({kind}): basis unknown (no lots), so the gain cannot be shown; the {bps} bps placeholder {cost} was counted</source>
        <translation>{account} ({kind})에서 매도: 취득 원가를 모르므로(로트 없음) 차익을 표시할 수 없습니다. 대체 비용 {bps} bp인 {cost}을(를) 반영했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="52"/>
        <source>sold in {account} ({kind}), lots {order}: {lot}</source>
        <translation>{account} ({kind})에서 매도, 로트는 {order}: {lot}</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="53"/>
        <source>highest cost first</source>
        <translation>취득 원가가 높은 순</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="54"/>
        <source>lowest tax first</source>
        <translation>세금이 적은 순</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="55"/>
        <source>{shares} shares {when} ({term}, gain {gain}, tax {tax} at {rate})</source>
        <translation>{shares}주 {when} ({term}, 차익 {gain}, 세율 {rate}로 세금 {tax})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="56"/>
        <source>{shares} shares {when} ({term}, loss {loss})</source>
        <translation>{shares}주 {when} ({term}, 손실 {loss})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="57"/>
        <source>{shares} shares {when} ({term}, loss {loss}, disallowed as a wash sale)</source>
        <translation>{shares}주 {when} ({term}, 손실 {loss}, 워시 세일로 손실 불인정)</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="58"/>
        <source>acquired {date}</source>
        <translation>{date} 취득</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="59"/>
        <source>acquired date unknown</source>
        <translation>취득일 모름</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="60"/>
        <source>long-term</source>
        <translation>장기</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="61"/>
        <source>short-term</source>
        <translation>단기</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="62"/>
        <source>in all a gain of {gain}, estimated tax {tax} ({year} rates)</source>
        <translation>합계 차익 {gain}, 예상 세금 {tax} ({year}년 세율)</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="63"/>
        <source>in all a loss of {loss}, estimated tax {tax} ({year} rates)</source>
        <translation>합계 손실 {loss}, 예상 세금 {tax} ({year}년 세율)</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="64"/>
        <source>no tax-advantaged account holds {ticker}</source>
        <translation>{ticker}을(를) 보유한 세제 혜택 계좌가 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="65"/>
        <source>tax-advantaged accounts: {facts}</source>
        <translation>세제 혜택 계좌: {facts}</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="66"/>
        <source>{account} holds {held} and sells {sold}</source>
        <translation>{account}은(는) {held}주 보유, {sold}주 매도</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="67"/>
        <source>bought in {account} rather than {other}: paid by selling {sold} in {account}, which realizes no gain</source>
        <translation>{other} 대신 {account}에서 매수: {account}에서 {sold}을(를) 매도한 대금으로 지불하며, 이 매도는 차익을 실현하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="68"/>
        <source>bought in {account} ({kind}), paid by selling {sold} and its own cash</source>
        <translation>{account} ({kind})에서 매수, {sold} 매도 대금과 계좌 자체 현금으로 지불</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="69"/>
        <source>bought in {account} ({kind}), paid by its own cash</source>
        <translation>{account} ({kind})에서 매수, 계좌 자체 현금으로 지불</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="70"/>
        <source>its cash {before} → {after}</source>
        <translation>계좌 현금 {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="71"/>
        <source>{sleeve} belongs in {kinds} accounts (asset location)</source>
        <translation>{sleeve}은(는) {kinds} 계좌에 둡니다 (자산 배치)</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="72"/>
        <source>against the asset-location preference ({sleeve} belongs in {kinds} accounts; {bps} bps = {extra} counted)</source>
        <translation>자산 배치 선호와 반대 ({sleeve}은(는) {kinds} 계좌에 둡니다. {bps} bp = {extra} 반영)</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="73"/>
        <source>taxable</source>
        <translation>과세</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="74"/>
        <source>traditional IRA</source>
        <translation>전통 IRA</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="75"/>
        <source>Roth IRA</source>
        <translation>로스 IRA</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="76"/>
        <source>401(k)</source>
        <translation>401(k)</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="77"/>
        <source>HSA</source>
        <translation>HSA</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="78"/>
        <source>volatility cap {cap} binds: volatility after trading {vol_after} (the target mix has {vol_target})</source>
        <translation>변동성 상한 {cap}에 걸림: 거래 후 변동성 {vol_after} (목표 구성은 {vol_target})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="79"/>
        <source>volatility cap {cap} binds: volatility after trading {vol_after} (the target mix has {vol_target}): {changes}</source>
        <translation>변동성 상한 {cap}에 걸림: 거래 후 변동성 {vol_after} (목표 구성은 {vol_target}): {changes}</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="80"/>
        <source>{name} cut from {target} to {after}</source>
        <translation>{name} {target}에서 {after}(으)로 축소</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="81"/>
        <source>{name} raised from {target} to {after}</source>
        <translation>{name} {target}에서 {after}(으)로 확대</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="82"/>
        <source>turnover cap {cap} binds: trades stop short of the targets (turnover {turnover}, tracking error left {te_after})</source>
        <translation>회전율 상한 {cap}에 걸림: 거래가 목표에 못 미치고 멈춥니다 (회전율 {turnover}, 남은 추적오차 {te_after})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="83"/>
        <source>cash buffer {buffer} binds: cash ends at {cash_after} while holdings stay {gap} below their targets in total</source>
        <translation>현금 완충 {buffer}에 걸림: 현금은 {cash_after}(으)로 끝나고 보유 종목은 합계 {gap}만큼 목표에 못 미칩니다</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="84"/>
        <source>{ticker} maximum {bound} binds (target {target}, after {after})</source>
        <translation>{ticker} 최대 비중 {bound}에 걸림 (목표 {target}, 거래 후 {after})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="85"/>
        <source>{ticker} minimum {bound} binds (target {target}, after {after})</source>
        <translation>{ticker} 최소 비중 {bound}에 걸림 (목표 {target}, 거래 후 {after})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="86"/>
        <source>{name} maximum {bound} binds (target {target}, after {after})</source>
        <translation>{name} 최대 비중 {bound}에 걸림 (목표 {target}, 거래 후 {after})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="87"/>
        <source>{name} minimum {bound} binds (target {target}, after {after})</source>
        <translation>{name} 최소 비중 {bound}에 걸림 (목표 {target}, 거래 후 {after})</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="88"/>
        <source>{ticker} is on the no-sell list: it stays at {after} against a {target} target</source>
        <translation>{ticker}은(는) 매도 금지 목록에 있어 목표 {target} 대비 {after}에 머뭅니다</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="89"/>
        <source>{ticker} is on the no-buy list: it stays at {after} against a {target} target</source>
        <translation>{ticker}은(는) 매수 금지 목록에 있어 목표 {target} 대비 {after}에 머뭅니다</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="90"/>
        <source>buy-only: nothing is sold, so these stay above their targets: {names}</source>
        <translation>매수만: 아무것도 매도하지 않으므로 다음 종목은 목표보다 높게 남습니다: {names}</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="91"/>
        <source>sell-only: nothing is bought, so these stay below their targets: {names}</source>
        <translation>매도만: 아무것도 매수하지 않으므로 다음 종목은 목표보다 낮게 남습니다: {names}</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="92"/>
        <source>trading costs: even before rounding, {ticker} stays {gap} points from its target, where closing the rest would cost more than the tracking error it removes</source>
        <translation>거래 비용: 반올림 전에도 {ticker}은(는) 목표와 {gap}포인트 차이가 남습니다. 나머지를 메우는 비용이 줄어드는 추적오차보다 크기 때문입니다</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="93"/>
        <source>trading costs: even before rounding, {ticker} stays {gap} points from its target, where closing the rest would cost more than the tracking error it removes (in a household, costs also count the estimated tax of sales in taxable accounts, the placeholder cost of taxable positions without lots and the asset-location cost)</source>
        <translation>거래 비용: 반올림 전에도 {ticker}은(는) 목표와 {gap}포인트 차이가 남습니다. 나머지를 메우는 비용이 줄어드는 추적오차보다 크기 때문입니다 (가구에서는 과세 계좌 매도의 예상 세금, 로트가 없는 과세 포지션의 대체 비용, 자산 배치 비용도 비용에 포함됩니다)</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="94"/>
        <source>whole shares: rounding to tradable amounts leaves {ticker} {gap} points from its target (one share is {share} points)</source>
        <translation>정수 주: 거래 가능한 수량으로 반올림하면 {ticker}은(는) 목표와 {gap}포인트 차이가 남습니다 (1주는 {share}포인트)</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="95"/>
        <source>No limit binds: every holding ends within {gap} points of its target.</source>
        <translation>걸리는 제한이 없습니다: 모든 보유 종목이 목표와 {gap}포인트 이내로 끝납니다.</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="96"/>
        <source>{count} trades proposed.</source>
        <translation>거래 {count}건을 제안합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="97"/>
        <source>1 trade proposed.</source>
        <translation>거래 1건을 제안합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="98"/>
        <source>No trades needed: every holding and sleeve is inside its drift band.</source>
        <translation>거래가 필요 없습니다: 모든 보유 종목과 슬리브가 이탈 허용 범위 안에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="99"/>
        <source>No trades: the turnover cap of {cap} allows no trade. Raise the cap or untick it to trade.</source>
        <translation>거래 없음: 회전율 상한 {cap}에서는 거래할 수 없습니다. 거래하려면 상한을 올리거나 선택을 해제하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="100"/>
        <source>No trades: the turnover cap of {cap} allows no trade, although these are outside their drift bands: {names}. Raise the cap or untick it to trade.</source>
        <translation>거래 없음: 다음 종목이 이탈 허용 범위를 벗어났지만 회전율 상한 {cap}에서는 거래할 수 없습니다: {names}. 거래하려면 상한을 올리거나 선택을 해제하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="101"/>
        <source>No trades: no trade improves the portfolio within your limits.</source>
        <translation>거래 없음: 설정한 제한 안에서 포트폴리오를 개선하는 거래가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="102"/>
        <source>No trades: no trade improves the portfolio within your limits, although these are outside their drift bands: {names}.</source>
        <translation>거래 없음: 다음 종목이 이탈 허용 범위를 벗어났지만 설정한 제한 안에서 포트폴리오를 개선하는 거래가 없습니다: {names}.</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="103"/>
        <source>Not possible as set: {text}</source>
        <translation>설정대로는 불가능합니다: {text}</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="104"/>
        <source>Sells of {sells} exceed the {withdrawal} withdrawal: {buys} goes into buys (see their reasons), trading costs are {costs}, and cash goes from {cash_before} to {cash_after} (cash buffer {buffer}).</source>
        <translation>매도 {sells}이(가) 인출액 {withdrawal}보다 많습니다: {buys}은(는) 매수에 쓰이고(각 사유 참고), 거래 비용은 {costs}, 현금은 {cash_before}에서 {cash_after}(으)로 바뀝니다 (현금 완충 {buffer}).</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="105"/>
        <source>the {limit} of {stated} is part of the conflict; the diagnosis suggests {nearest}</source>
        <translation>{limit} {stated}이(가) 충돌 원인 중 하나입니다. 진단 결과 {nearest}을(를) 제안합니다</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="106"/>
        <source>the {limit} of {stated} is part of the conflict</source>
        <translation>{limit} {stated}이(가) 충돌 원인 중 하나입니다</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="107"/>
        <source>the {limit} is part of the conflict</source>
        <translation>{limit}이(가) 충돌 원인 중 하나입니다</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="108"/>
        <source>Sells of {sells} exceed the {withdrawal} withdrawal: nothing is bought, trading costs are {costs}, and the rest stays in cash, which goes from {cash_before} to {cash_after} (cash buffer {buffer}).</source>
        <translation>매도 {sells}이(가) 인출액 {withdrawal}보다 많습니다: 매수는 없고 거래 비용은 {costs}이며, 나머지는 현금으로 남아 {cash_before}에서 {cash_after}(으)로 바뀝니다 (현금 완충 {buffer}).</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="109"/>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="110"/>
        <source>satellites</source>
        <translation>위성</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="111"/>
        <source>cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="112"/>
        <source>small caps</source>
        <translation>소형주</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="113"/>
        <source>volatility cap</source>
        <translation>변동성 상한</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="114"/>
        <source>turnover cap</source>
        <translation>회전율 상한</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="115"/>
        <source>cash buffer</source>
        <translation>현금 완충</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="116"/>
        <source>minimum trade</source>
        <translation>최소 거래 금액</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="117"/>
        <source>trading mode</source>
        <translation>거래 방식</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="118"/>
        <source>minimum for {subject}</source>
        <translation>{subject} 최소 비중</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="119"/>
        <location filename="../../gui/message_texts.py" line="129"/>
        <source>maximum for {subject}</source>
        <translation>{subject} 최대 비중</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="120"/>
        <source>minimum for the {subject} sleeve</source>
        <translation>{subject} 슬리브 최소 비중</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="121"/>
        <source>maximum for the {subject} sleeve</source>
        <translation>{subject} 슬리브 최대 비중</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="122"/>
        <source>small-cap minimum</source>
        <translation>소형주 최소 비중</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="123"/>
        <source>small-cap maximum</source>
        <translation>소형주 최대 비중</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="124"/>
        <source>no-buy rule for {subject}</source>
        <translation>{subject} 매수 금지 규칙</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="125"/>
        <source>no-sell rule for {subject}</source>
        <translation>{subject} 매도 금지 규칙</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="126"/>
        <source>no short positions</source>
        <translation>공매도 금지</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="127"/>
        <source>minimum for the {subject} sector</source>
        <translation>{subject} 섹터 최소 비중</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="128"/>
        <source>maximum for the {subject} sector</source>
        <translation>{subject} 섹터 최대 비중</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="130"/>
        <source>whole shares</source>
        <translation>정수 주</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="131"/>
        <source>trading costs</source>
        <translation>거래 비용</translation>
    </message>
    <message>
        <location filename="../../gui/message_texts.py" line="155"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>PathChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="358"/>
        <source>Growth of $10,000 on the price history: current vs proposed weights</source>
        <translation>가격 이력에서 $10,000의 성장: 현재 비중 대 제안 비중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="360"/>
        <source>Drawdown: fall from the previous high, current vs proposed weights</source>
        <translation>낙폭: 직전 고점 대비 하락, 현재 비중 대 제안 비중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="369"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="374"/>
        <source>Proposed</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="379"/>
        <source>Simulated prices, not real history</source>
        <translation>모의 가격이며 실제 이력이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="386"/>
        <source>No price history for this scenario</source>
        <translation>이 시나리오에는 가격 이력이 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="432"/>
        <source>{day}: current {b}, proposed {a}</source>
        <translation>{day}: 현재 {b}, 제안 {a}</translation>
    </message>
</context>
<context>
    <name>ProblemLabel</name>
    <message>
        <location filename="../../gui/panels/problems.py" line="109"/>
        <source>Use {value}</source>
        <translation>{value} 사용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/problems.py" line="111"/>
        <source>Use {value} for the {limit}</source>
        <translation>{limit}을(를) {value}(으)로 설정</translation>
    </message>
</context>
<context>
    <name>ProposalPdf</name>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="119"/>
        <source>core</source>
        <translation>핵심</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="120"/>
        <source>satellite</source>
        <translation>위성</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="121"/>
        <source>outside</source>
        <translation>외부</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="127"/>
        <source>draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="128"/>
        <source>approved</source>
        <translation>승인됨</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="129"/>
        <source>rejected</source>
        <translation>거절됨</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="130"/>
        <source>executed</source>
        <translation>실행됨</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="192"/>
        <source>Rebalancing proposal for {c}</source>
        <translation>{c} 님을 위한 리밸런싱 제안</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="194"/>
        <source>Proposal {id} · household {h} · status: {s}</source>
        <translation>제안 {id} · 가구 {h} · 상태: {s}</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="197"/>
        <source>made by {who} on {when}</source>
        <translation>{who} 작성, {when}</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="209"/>
        <source>Assumptions</source>
        <translation>가정</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="214"/>
        <source>What</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="215"/>
        <location filename="../../gui/book/proposal_pdf.py" line="270"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="219"/>
        <source>Price source</source>
        <translation>가격 출처</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="223"/>
        <source>Price date</source>
        <translation>가격 기준일</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="227"/>
        <source>Risk window</source>
        <translation>위험 추정 기간</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="231"/>
        <source>Risk estimator</source>
        <translation>위험 추정 방식</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="235"/>
        <source>Risk data</source>
        <translation>위험 데이터</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="239"/>
        <source>Inputs (scenario SHA-256)</source>
        <translation>입력 (시나리오 SHA-256)</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="263"/>
        <source>Client and accounts</source>
        <translation>고객과 계좌</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="268"/>
        <location filename="../../gui/book/proposal_pdf.py" line="474"/>
        <source>Account</source>
        <translation>계좌</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="269"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="271"/>
        <source>Cash before</source>
        <translation>거래 전 현금</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="272"/>
        <source>Cash after</source>
        <translation>거래 후 현금</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="300"/>
        <source>{symbol} in {account}: {value} ({why})</source>
        <translation>{account}의 {symbol}: {value} ({why})</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="310"/>
        <source>Also held, not rebalanced (never traded, in no value, weight or total here): {lines}.</source>
        <translation>리밸런싱하지 않는 보유 항목(거래하지 않으며 여기의 어떤 가치·비중·합계에도 포함되지 않음): {lines}.</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="321"/>
        <source>Volatility (annualized)</source>
        <translation>변동성 (연율화)</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="324"/>
        <location filename="../../gui/book/proposal_pdf.py" line="529"/>
        <source>cap {v}</source>
        <translation>상한 {v}</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="326"/>
        <source>no cap</source>
        <translation>상한 없음</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="329"/>
        <source>Tracking error to targets</source>
        <translation>목표 대비 추적오차</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="335"/>
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="340"/>
        <source>Turnover</source>
        <translation>회전율</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="342"/>
        <source>Estimated trading cost</source>
        <translation>예상 거래 비용</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="348"/>
        <location filename="../../gui/book/proposal_pdf.py" line="461"/>
        <source>Trades</source>
        <translation>거래</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="356"/>
        <source>Trades are proposed below.</source>
        <translation>제안하는 거래는 아래와 같습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="357"/>
        <source>No trades are needed: every holding is inside its band.</source>
        <translation>거래가 필요 없습니다: 모든 보유 종목이 허용 범위 안에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="360"/>
        <source>No trade list meets all the limits; see “What limits it”.</source>
        <translation>모든 제한을 만족하는 거래 목록이 없습니다. “결과를 제한하는 요인”을 참고하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="365"/>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="370"/>
        <source>Figure</source>
        <translation>지표</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="371"/>
        <location filename="../../gui/book/proposal_pdf.py" line="515"/>
        <source>Before</source>
        <translation>거래 전</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="372"/>
        <location filename="../../gui/book/proposal_pdf.py" line="516"/>
        <source>After</source>
        <translation>거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="373"/>
        <source>Limit</source>
        <translation>제한</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="384"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="385"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="386"/>
        <source>Proposed</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="390"/>
        <source>Allocation by sleeve</source>
        <translation>슬리브별 배분</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="396"/>
        <source>Weight by sleeve</source>
        <translation>슬리브별 비중</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="408"/>
        <location filename="../../gui/book/proposal_pdf.py" line="435"/>
        <source>Sleeve</source>
        <translation>슬리브</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="409"/>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="411"/>
        <source>Drift</source>
        <translation>이탈</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="428"/>
        <source>Allocation by fund</source>
        <translation>펀드별 배분</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="434"/>
        <location filename="../../gui/book/proposal_pdf.py" line="476"/>
        <source>Ticker</source>
        <translation>티커</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="436"/>
        <source>Shares now</source>
        <translation>현재 주식 수</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="437"/>
        <source>Shares after</source>
        <translation>거래 후 주식 수</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="463"/>
        <source>No trades.</source>
        <translation>거래 없음.</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="468"/>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="469"/>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="475"/>
        <source>Side</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="477"/>
        <source>Shares</source>
        <translation>주식 수</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="478"/>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="479"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="480"/>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="482"/>
        <source>Why</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="507"/>
        <source>Risk before and after</source>
        <translation>거래 전후 위험</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="513"/>
        <source>Volatility and tracking error (annualized)</source>
        <translation>변동성과 추적오차 (연율화)</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="520"/>
        <source>Volatility</source>
        <translation>변동성</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="524"/>
        <source>Tracking error</source>
        <translation>추적오차</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="538"/>
        <source>Cannot be met</source>
        <translation>충족할 수 없음</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="541"/>
        <source>No limit shapes this answer: the trades go straight to the targets.</source>
        <translation>이 답을 제약하는 한도가 없습니다: 거래가 목표로 곧바로 향합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="546"/>
        <source>What limits it</source>
        <translation>무엇이 결과를 제한하는가</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="555"/>
        <source>Bought {b} · sold {s} · turnover {t} · estimated trading cost {c}</source>
        <translation>매수 {b} · 매도 {s} · 회전율 {t} · 예상 거래 비용 {c}</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="563"/>
        <source>Costs</source>
        <translation>비용</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="618"/>
        <source>Rebalancing proposal {id}: {c}</source>
        <translation>리밸런싱 제안 {id}: {c}</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="641"/>
        <source>Proposal {id} · {c} · not investment advice</source>
        <translation>제안 {id} · {c} · 투자 권유 아님</translation>
    </message>
    <message>
        <location filename="../../gui/book/proposal_pdf.py" line="645"/>
        <source>page {i} of {n}</source>
        <translation>{i} / {n}쪽</translation>
    </message>
</context>
<context>
    <name>ProxyDialog</name>
    <message>
        <location filename="../../gui/proxy_dialog.py" line="22"/>
        <source>Price history stand-ins</source>
        <translation>가격 이력 대리 펀드</translation>
    </message>
    <message>
        <location filename="../../gui/proxy_dialog.py" line="26"/>
        <source>These tickers have no price history, so their risk is unknown. Choose a similar fund whose history stands in for each; the proposal will say so. A ticker outside the targets is then not bought. Or cancel and import a price file (File → Import Prices…).</source>
        <translation>이 티커들은 가격 이력이 없어 위험을 알 수 없습니다. 각각을 대신할 이력을 가진 비슷한 펀드를 고르세요; 제안서에 그렇게 표시됩니다. 목표에 없는 티커는 그러면 매수하지 않습니다. 또는 취소하고 가격 파일을 가져오세요 (파일 → 가격 가져오기…).</translation>
    </message>
    <message>
        <location filename="../../gui/proxy_dialog.py" line="44"/>
        <source>Proxies are saved in the scenario file ([data.proxies]).</source>
        <translation>대리 펀드는 시나리오 파일에 저장됩니다 ([data.proxies]).</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../gui/panels/result.py" line="38"/>
        <source>Proposed trades</source>
        <translation>제안된 거래</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="48"/>
        <source>Volatility</source>
        <translation>변동성</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="49"/>
        <source>Tracking error</source>
        <translation>추적오차</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="50"/>
        <source>Trades</source>
        <translation>거래</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="51"/>
        <source>Est. cost</source>
        <translation>예상 비용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="52"/>
        <source>Turnover</source>
        <translation>회전율</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="53"/>
        <source>Cash after</source>
        <translation>거래 후 현금</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="57"/>
        <source>How much the portfolio may swing in a typical year (annualized), before → after, against your cap</source>
        <translation>보통의 한 해 동안 포트폴리오가 출렁일 수 있는 정도(연율), 거래 전 → 후, 상한과 비교</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="59"/>
        <source>How far the portfolio&apos;s returns may stray from the target mix in a typical year</source>
        <translation>보통의 한 해 동안 포트폴리오 수익률이 목표 구성에서 벗어날 수 있는 정도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="60"/>
        <source>Value traded (buys + sells) as a share of the portfolio</source>
        <translation>포트폴리오 대비 거래 금액(매수 + 매도) 비율</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="171"/>
        <location filename="../../gui/panels/result.py" line="188"/>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="171"/>
        <location filename="../../gui/panels/result.py" line="188"/>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="172"/>
        <source>{side} {shares} {ticker}</source>
        <translation>{ticker} {shares}주 {side}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="189"/>
        <source>{side} {shares} {ticker} in {account}</source>
        <translation>{account}에서 {side} {shares} {ticker}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="213"/>
        <source>no result</source>
        <translation>결과 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="215"/>
        <source>Cannot compute trades: {msg}</source>
        <translation>거래를 계산할 수 없습니다: {msg}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="256"/>
        <source>the constraints cannot all hold</source>
        <translation>제약 조건을 모두 지킬 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="258"/>
        <source>Not possible as set: {msg}</source>
        <translation>설정대로는 불가능합니다: {msg}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="279"/>
        <source>&lt;b&gt;What limits the result&lt;/b&gt;</source>
        <translation>&lt;b&gt;결과를 제한하는 요인&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="288"/>
        <source>unknown date</source>
        <translation>날짜 모름</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="290"/>
        <source>Prices: {src}, {date}. Risk: {window}, {est}.</source>
        <translation>가격: {src}, {date}. 위험: {window}, {est}.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="304"/>
        <source>cap {cap}</source>
        <translation>상한 {cap}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="306"/>
        <source>no cap</source>
        <translation>상한 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/result.py" line="308"/>
        <source>Volatility ({cap})</source>
        <translation>변동성 ({cap})</translation>
    </message>
</context>
<context>
    <name>RiskChart</name>
    <message>
        <location filename="../../gui/panels/charts.py" line="216"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="216"/>
        <source>After trades</source>
        <translation>거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="219"/>
        <source>Risk contribution: each holding&apos;s share of the portfolio&apos;s ups and downs</source>
        <translation>위험 기여도: 포트폴리오 등락에서 각 보유 종목이 차지하는 몫</translation>
    </message>
    <message>
        <location filename="../../gui/panels/charts.py" line="221"/>
        <source>% of portfolio risk</source>
        <translation>포트폴리오 위험 비중 (%)</translation>
    </message>
</context>
<context>
    <name>SectorChart</name>
    <message>
        <location filename="../../gui/panels/exposure.py" line="112"/>
        <source>% of portfolio</source>
        <translation>포트폴리오 비중 (%)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="115"/>
        <source>Before</source>
        <translation>거래 전</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="116"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/panels/exposure.py" line="117"/>
        <source>After trades</source>
        <translation>거래 후</translation>
    </message>
</context>
<context>
    <name>StatementImport</name>
    <message>
        <location filename="../../gui/import_dialog.py" line="126"/>
        <location filename="../../gui/import_dialog.py" line="281"/>
        <location filename="../../gui/import_dialog.py" line="359"/>
        <source>Import statement</source>
        <translation>명세서 가져오기</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="128"/>
        <source>{src}: {layout}</source>
        <translation>{src}: {layout}</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="129"/>
        <source>statement</source>
        <translation>명세서</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="133"/>
        <source>, as of {date}</source>
        <translation>, {date} 기준</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="141"/>
        <source>Symbol</source>
        <translation>종목 코드</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="142"/>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="143"/>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="144"/>
        <source>Market value</source>
        <translation>평가액</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="145"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="157"/>
        <source>The statement says: {words}</source>
        <translation>명세서 표기: {words}</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="162"/>
        <source>ETF/stock</source>
        <translation>ETF/주식</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="164"/>
        <source>held, not rebalanced ({what})</source>
        <translation>보유만, 리밸런싱 제외 ({what})</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="180"/>
        <source>, {n} lots</source>
        <translation>, {n}개 로트</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="203"/>
        <source>cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="207"/>
        <source>cash and sweep funds</source>
        <translation>현금 및 스윕 펀드</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="224"/>
        <source>What changes in the scenario:</source>
        <translation>시나리오에서 바뀌는 내용:</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="146"/>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="83"/>
        <source>→ new account {name}</source>
        <translation>→ 새 계좌 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="85"/>
        <source>→ adds lots to {name}</source>
        <translation>→ {name}에 로트 추가</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="86"/>
        <source>→ updates {name}</source>
        <translation>→ {name} 갱신</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="103"/>
        <source>{sign}{n} shares</source>
        <translation>{sign}{n}주</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="107"/>
        <source>unchanged</source>
        <translation>변동 없음</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="230"/>
        <source>Add lots</source>
        <translation>로트 추가</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="232"/>
        <source>Update accounts</source>
        <translation>계좌 갱신</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="195"/>
        <source>gone (was {n} shares)</source>
        <translation>없어짐 (이전 {n}주)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="254"/>
        <source>Import &amp;Statement…</source>
        <translation>명세서 가져오기(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="257"/>
        <source>Read positions and cash from a broker statement (CSV, OFX/QFX, Flex XML)</source>
        <translation>증권사 명세서(CSV, OFX/QFX, Flex XML)에서 보유 종목과 현금을 읽습니다</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="299"/>
        <source>Reading {name}…</source>
        <translation>{name} 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="352"/>
        <source>unexpected error: {err}</source>
        <translation>예상하지 못한 오류: {err}</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="354"/>
        <source>Statement not imported: {msg}. Nothing was changed.</source>
        <translation>명세서를 가져오지 못했습니다: {msg}. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="375"/>
        <source>Imported {n} holdings from {src}</source>
        <translation>{src}에서 보유 종목 {n}개를 가져왔습니다</translation>
    </message>
</context>
<context>
    <name>StoreReset</name>
    <message>
        <location filename="../../gui/store_reset.py" line="52"/>
        <source>Price store reset</source>
        <translation>가격 저장소 초기화</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="54"/>
        <source>The damaged price store was moved to {path}. Refresh Prices or import price files to fill the new one.</source>
        <translation>손상된 가격 저장소를 {path}(으)로 옮겼습니다. 가격 새로 고침이나 가격 파일 가져오기로 새 저장소를 채우세요.</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="63"/>
        <location filename="../../gui/store_reset.py" line="71"/>
        <source>Price store</source>
        <translation>가격 저장소</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="68"/>
        <source>it reads correctly</source>
        <translation>정상적으로 읽힙니다</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="72"/>
        <source>The price store is not damaged ({why}); nothing was changed.</source>
        <translation>가격 저장소는 손상되지 않았습니다({why}); 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="77"/>
        <source>Reset the damaged price store?</source>
        <translation>손상된 가격 저장소를 초기화할까요?</translation>
    </message>
    <message>
        <location filename="../../gui/store_reset.py" line="78"/>
        <source>{problem}

Move it aside as a backup and start an empty price store?</source>
        <translation>{problem}

백업으로 옮겨 두고 빈 가격 저장소로 시작할까요?</translation>
    </message>
</context>
<context>
    <name>StressPanel</name>
    <message>
        <location filename="../../gui/panels/stress.py" line="59"/>
        <source>Run stress test</source>
        <translation>스트레스 테스트 실행</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="62"/>
        <source>Your window</source>
        <translation>사용자 기간</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="68"/>
        <source>Add window</source>
        <translation>기간 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="83"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="90"/>
        <source>Replays today&apos;s weights through past crises.</source>
        <translation>현재 비중을 과거 위기에 대입해 재현합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="94"/>
        <source>Window</source>
        <translation>기간</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="94"/>
        <location filename="../../gui/panels/stress.py" line="104"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="94"/>
        <location filename="../../gui/panels/stress.py" line="104"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="94"/>
        <location filename="../../gui/panels/stress.py" line="104"/>
        <source>Proposed</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="94"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="104"/>
        <source>Sleeve</source>
        <translation>슬리브</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="111"/>
        <source>Rate series…</source>
        <translation>금리 시계열…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="114"/>
        <source>A CSV of dates and interest rates in percent (e.g. FRED&apos;s DGS10) to compare the portfolio with</source>
        <translation>포트폴리오와 비교할 날짜별 금리(%) CSV (예: FRED의 DGS10)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="142"/>
        <source>The window ends before it starts: put the earlier date first.</source>
        <translation>기간의 끝이 시작보다 앞섭니다: 이른 날짜를 먼저 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="151"/>
        <source>A stress test needs a scenario with a result: open one first.</source>
        <translation>스트레스 테스트에는 결과가 있는 시나리오가 필요합니다: 먼저 여세요.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="168"/>
        <source>Replaying…</source>
        <translation>재현 중…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="174"/>
        <source>Stress test cancelled.</source>
        <translation>스트레스 테스트를 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="186"/>
        <source>Rate series</source>
        <translation>금리 시계열</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="186"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 파일 (*.csv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="223"/>
        <source>The stress test failed: {e}</source>
        <translation>스트레스 테스트에 실패했습니다: {e}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="235"/>
        <source>Portfolio value {v} on {src}.</source>
        <translation>포트폴리오 가치 {v}, {src} 기준.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="242"/>
        <source>Interest rates</source>
        <translation>금리</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="265"/>
        <source> (yours)</source>
        <translation> (사용자)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/stress.py" line="273"/>
        <source>Lowest point {p} on {d}</source>
        <translation>최저점 {p}, {d}</translation>
    </message>
</context>
<context>
    <name>TableModels</name>
    <message>
        <location filename="../../gui/tablemodels.py" line="51"/>
        <location filename="../../gui/tablemodels.py" line="328"/>
        <source>Ticker</source>
        <translation>티커</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="52"/>
        <location filename="../../gui/tablemodels.py" line="329"/>
        <source>Shares</source>
        <translation>주식 수</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="53"/>
        <location filename="../../gui/tablemodels.py" line="330"/>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="54"/>
        <source>Value</source>
        <translation>평가액</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="55"/>
        <source>Weight</source>
        <translation>비중</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="56"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="57"/>
        <source>Drift (pts)</source>
        <translation>이탈 (%p)</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="58"/>
        <source>No buy</source>
        <translation>매수 금지</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="59"/>
        <source>No sell</source>
        <translation>매도 금지</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="79"/>
        <source>Weight minus target, in percentage points; orange when outside its band</source>
        <translation>비중 빼기 목표(퍼센트포인트); 허용 범위를 벗어나면 주황색</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="82"/>
        <source>Your own price if you typed one, else the market price (grey)</source>
        <translation>직접 입력한 가격, 없으면 시장 가격(회색)</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="85"/>
        <source>Never buy this ticker</source>
        <translation>이 티커는 매수하지 않음</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="86"/>
        <source>Never sell this ticker</source>
        <translation>이 티커는 매도하지 않음</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="226"/>
        <source>No price or risk data for this ticker</source>
        <translation>이 티커의 가격 또는 위험 데이터가 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="244"/>
        <source>outside</source>
        <translation>밖</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="246"/>
        <source>inside</source>
        <translation>안</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="248"/>
        <source>Drift {drift}; band ±{band}: {where} its band</source>
        <translation>이탈 {drift}; 허용 범위 ±{band}: 범위 {where}</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="327"/>
        <source>Side</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="331"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="332"/>
        <source>Est. cost</source>
        <translation>예상 비용</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="333"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="373"/>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodels.py" line="375"/>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
</context>
<context>
    <name>TargetEditor</name>
    <message>
        <location filename="../../gui/target_widgets.py" line="27"/>
        <source>core</source>
        <translation>핵심</translation>
    </message>
    <message>
        <location filename="../../gui/target_widgets.py" line="28"/>
        <source>satellite</source>
        <translation>위성</translation>
    </message>
    <message>
        <location filename="../../gui/target_widgets.py" line="29"/>
        <source>outside</source>
        <translation>외부</translation>
    </message>
    <message>
        <location filename="../../gui/target_widgets.py" line="45"/>
        <source>e.g. VBR</source>
        <translation>예: VBR</translation>
    </message>
    <message>
        <location filename="../../gui/target_widgets.py" line="71"/>
        <source>own band</source>
        <translation>개별 범위</translation>
    </message>
    <message>
        <location filename="../../gui/target_widgets.py" line="73"/>
        <source> pts</source>
        <translation> %p</translation>
    </message>
    <message>
        <location filename="../../gui/target_widgets.py" line="75"/>
        <source>Out of band when the weight drifts more than this many points</source>
        <translation>비중이 이만큼의 포인트보다 더 벗어나면 범위 밖입니다</translation>
    </message>
    <message>
        <location filename="../../gui/target_widgets.py" line="81"/>
        <source>…or more than this share of its own target, whichever is smaller</source>
        <translation>…또는 자기 목표의 이 비율보다 더 벗어나면(둘 중 작은 쪽)</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="59"/>
        <source>Edit targets</source>
        <translation>목표 편집</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="29"/>
        <source>Whole portfolio</source>
        <translation>포트폴리오 전체</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="33"/>
        <source>The small-cap sleeve&apos;s target share of the whole portfolio</source>
        <translation>포트폴리오 전체에서 소형주 슬리브의 목표 비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="40"/>
        <source>min</source>
        <translation>최소</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="42"/>
        <source>max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="45"/>
        <source>Small caps</source>
        <translation>소형주</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="46"/>
        <source>Small caps may range</source>
        <translation>소형주 허용 범위</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="48"/>
        <source>Default drift band</source>
        <translation>기본 이탈 허용 범위</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="76"/>
        <source>Sleeve / ticker</source>
        <translation>슬리브 / 티커</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="69"/>
        <location filename="../../gui/target_widgets.py" line="138"/>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="78"/>
        <location filename="../../gui/target_forms.py" line="70"/>
        <source>Weight</source>
        <translation>비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="77"/>
        <source>Role or fund</source>
        <translation>역할 또는 펀드</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="83"/>
        <source>Add sleeve…</source>
        <translation>슬리브 추가…</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="84"/>
        <source>Add ticker…</source>
        <translation>티커 추가…</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="85"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="86"/>
        <source>Make it add up</source>
        <translation>합계 맞추기</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="88"/>
        <source>Scale the sleeve weights so core and satellites make 100 % of small caps</source>
        <translation>핵심과 위성의 합이 소형주의 100 %가 되도록 슬리브 비중을 비례 조정</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="68"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="72"/>
        <location filename="../../gui/target_forms.py" line="106"/>
        <source>Minimum</source>
        <translation>최소</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="73"/>
        <location filename="../../gui/target_forms.py" line="107"/>
        <source>Maximum</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="74"/>
        <location filename="../../gui/target_forms.py" line="108"/>
        <source>Drift band</source>
        <translation>이탈 허용 범위</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="76"/>
        <source>Minimum and maximum are shares of the whole portfolio.</source>
        <translation>최소와 최대는 포트폴리오 전체에 대한 비중입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="96"/>
        <source>Share of its sleeve; the sleeve&apos;s other tickers share the rest</source>
        <translation>슬리브 안의 비중; 나머지는 슬리브의 다른 티커가 나눠 가집니다</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="103"/>
        <location filename="../../gui/target_widgets.py" line="139"/>
        <source>Ticker</source>
        <translation>티커</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="105"/>
        <source>Share of sleeve</source>
        <translation>슬리브 내 비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="108"/>
        <source>Choose a sleeve or a ticker to edit it.</source>
        <translation>편집할 슬리브나 티커를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="124"/>
        <source>Notes for this scenario (kept in the file)</source>
        <translation>이 시나리오에 대한 메모(파일에 저장됨)</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="139"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="121"/>
        <source>Share of the whole portfolio</source>
        <translation>포트폴리오 전체 대비 비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="123"/>
        <source>Share of small caps</source>
        <translation>소형주 대비 비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_forms.py" line="131"/>
        <source>Share of its sleeve</source>
        <translation>슬리브 안의 비중</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="248"/>
        <source>of the whole portfolio</source>
        <translation>포트폴리오 전체 대비</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="250"/>
        <source>of the small-cap sleeve</source>
        <translation>소형주 슬리브 대비</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="299"/>
        <source>There is already a sleeve called {name}.</source>
        <translation>{name}(이)라는 슬리브가 이미 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="326"/>
        <source>{text} is not a ticker symbol: use letters, digits, &apos;.&apos; or &apos;-&apos;</source>
        <translation>{text}은(는) 티커가 아닙니다: 문자, 숫자, &apos;.&apos; 또는 &apos;-&apos;만 쓰세요</translation>
    </message>
    <message>
        <location filename="../../gui/target_editor.py" line="331"/>
        <source>{ticker} is already in the {sleeve} sleeve.</source>
        <translation>{ticker}은(는) 이미 {sleeve} 슬리브에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/target_widgets.py" line="124"/>
        <source>Add sleeve</source>
        <translation>슬리브 추가</translation>
    </message>
    <message>
        <location filename="../../gui/target_widgets.py" line="126"/>
        <source>Add ticker</source>
        <translation>티커 추가</translation>
    </message>
    <message>
        <location filename="../../gui/target_widgets.py" line="130"/>
        <source>e.g. Value</source>
        <translation>예: 가치</translation>
    </message>
    <message>
        <location filename="../../gui/target_widgets.py" line="137"/>
        <source>Sleeve name</source>
        <translation>슬리브 이름</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <location filename="../../gui/panels/targets.py" line="90"/>
        <source>Targets</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="104"/>
        <source>Preset (core / satellites):</source>
        <translation>프리셋 (핵심 / 위성):</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="106"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="111"/>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="113"/>
        <source>Add, remove or rename sleeves and tickers; roles, bounds, drift bands and notes</source>
        <translation>슬리브와 티커 추가·삭제·이름 변경, 역할, 한도, 이탈 허용 범위, 메모</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="131"/>
        <source>Moving the core: satellites share the rest. Moving a satellite: the core takes the difference.</source>
        <translation>핵심을 움직이면 나머지를 위성이 나눠 갖고, 위성을 움직이면 그 차이를 핵심이 가져갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="154"/>
        <source>now → after</source>
        <translation>현재 → 거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="156"/>
        <source>Share of the whole portfolio in %: held now → after the proposed trades</source>
        <translation>포트폴리오 전체 대비 비중(%): 현재 보유 → 제안된 거래 후</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="164"/>
        <source>Small caps&apos; share of the whole portfolio; the outside sleeves share the rest</source>
        <translation>포트폴리오 전체에서 소형주의 비중; 나머지는 외부 슬리브가 나눠 가집니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="166"/>
        <source>Small caps</source>
        <translation>소형주</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="169"/>
        <source>core</source>
        <translation>핵심</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="170"/>
        <source>satellite</source>
        <translation>위성</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="171"/>
        <source>outside</source>
        <translation>외부</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="175"/>
        <source>Share of the small-cap sleeve</source>
        <translation>소형주 슬리브 대비 비중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="177"/>
        <source>Share of the whole portfolio</source>
        <translation>포트폴리오 전체 대비 비중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="196"/>
        <source>{ticker}&apos;s share of the {sleeve} sleeve</source>
        <translation>{sleeve} 슬리브에서 {ticker}의 비중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="303"/>
        <source>min {v}</source>
        <translation>최소 {v}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="305"/>
        <source>max {v}</source>
        <translation>최대 {v}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="312"/>
        <source>{bounds} of the portfolio</source>
        <translation>포트폴리오의 {bounds}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="314"/>
        <source>binds</source>
        <translation>구속 중</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="315"/>
        <source>change</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="326"/>
        <source>Core {core} + satellites {sats} = {total} of small caps</source>
        <translation>핵심 {core} + 위성 {sats} = 소형주의 {total}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="331"/>
        <source>Small caps {sc} + outside {out} = {total} of the portfolio</source>
        <translation>소형주 {sc} + 외부 {out} = 포트폴리오의 {total}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="382"/>
        <source>{name}: {now} of the portfolio now, {after} after the trades; target {target}{band}</source>
        <translation>{name}: 현재 포트폴리오의 {now}, 거래 후 {after}; 목표 {target}{band}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/targets.py" line="388"/>
        <source> (outside its band)</source>
        <translation> (허용 범위 밖)</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <location filename="../../gui/window_files.py" line="32"/>
        <source>Blank: an IWM core only</source>
        <translation>빈 시나리오: IWM 핵심만</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="33"/>
        <source>IWM core with value satellites (IWN, VBR)</source>
        <translation>IWM 핵심과 가치 위성 (IWN, VBR)</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="34"/>
        <source>VTWO core with S&amp;P 600 and growth satellites</source>
        <translation>VTWO 핵심과 S&amp;P 600·성장 위성</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="37"/>
        <source>Total portfolio with a small-cap sleeve (SPY, AGG outside)</source>
        <translation>소형주 슬리브가 있는 전체 포트폴리오 (외부: SPY, AGG)</translation>
    </message>
</context>
</TS>
