import _ from 'lodash';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import relativeTime from 'dayjs/plugin/relativeTime.js';
import { v5 as uuidv5, validate, version, NIL } from 'uuid';

dayjs.extend(utc);
dayjs.extend(relativeTime);

const NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'; // the URL namespace of RFC 4122
const orders = [
  { customer: 'ada', item: 'keyboard', qty: 1, price: 49.5, at: '2024-03-01T09:15:00Z' },
  { customer: 'grace', item: 'monitor', qty: 2, price: 179, at: '2024-03-02T17:40:00Z' },
  { customer: 'ada', item: 'mouse', qty: 3, price: 19.99, at: '2024-03-05T08:05:00Z' },
  { customer: 'linus', item: 'cable', qty: 10, price: 4.25, at: '2024-03-05T21:30:00Z' },
  { customer: 'grace', item: 'dock', qty: 1, price: 89, at: '2024-03-09T12:00:00Z' },
];

const byCustomer = _.groupBy(orders, 'customer');
const totals = _.mapValues(byCustomer, (list) => _.round(_.sumBy(list, (o) => o.qty * o.price), 2));
const ranked = _.orderBy(_.toPairs(totals), [1, 0], ['desc', 'asc']);

console.log('Totals by customer:');
for (const [name, total] of ranked) console.log(`  ${_.padEnd(_.capitalize(name), 8)}${_.padStart(total.toFixed(2), 9)}`);
console.log('Items:', _.uniq(_.map(orders, 'item')).sort().join(', '));
console.log('Chunks:', JSON.stringify(_.chunk(_.range(1, 8), 3)));

const now = dayjs.utc('2024-03-10T12:00:00Z');
for (const o of _.sortBy(orders, 'at')) {
  const at = dayjs.utc(o.at);
  console.log(`${at.format('ddd D MMM YYYY HH:mm')}  ${o.item.padEnd(8)} ${at.from(now)}  week-start ${at.startOf('week').format('YYYY-MM-DD')}`);
}
console.log('Span:', dayjs.utc(orders[4].at).diff(dayjs.utc(orders[0].at), 'day'), 'days;', 'end of month', now.endOf('month').toISOString());

for (const o of orders.slice(0, 2)) {
  const id = uuidv5(`https://shop.example/orders/${o.customer}/${o.at}`, NAMESPACE);
  console.log(`order id ${id} valid=${validate(id)} version=${version(id)}`);
}
console.log('nil', NIL, validate(NIL), 'not-a-uuid', validate('not-a-uuid'));
