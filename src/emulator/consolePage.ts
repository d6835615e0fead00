/**
 * The HTML page of the simulated MaxCompute console ("Tenants > Network Connection"): a form with
 * the console's fields and the list of existing links. Self-contained (inline style and script),
 * served only by the emulator on 127.0.0.1.
 */
import type { EmulatorState } from './state';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** What the page's script needs to fill its selects: ids and names only, never credentials. */
function pageData(state: EmulatorState): unknown {
  return state.accounts.map((a) => ({
    name: a.name,
    accountId: a.accountId,
    regionIds: [...new Set([...a.regionIds, ...a.vpcs.map((v) => v.regionId)])],
    vpcs: a.vpcs.map((v) => ({ id: v.vpcId, regionId: v.regionId, name: v.name })),
    vSwitches: a.vSwitches.map((s) => ({ id: s.vSwitchId, vpcId: s.vpcId, zoneId: s.zoneId, name: s.name })),
    groups: a.securityGroups.map((g) => ({ id: g.securityGroupId, vpcId: g.vpcId, name: g.name, type: g.type })),
  }));
}

/** The whole page. */
export function renderConsolePage(state: EmulatorState): string {
  // JSON inside <script>: escape "<" so no value can close the tag.
  const data = JSON.stringify(pageData(state)).replace(/</g, '\\u003c');
  const links = state.accounts.flatMap((a) => a.networkLinks.map((l) => ({ account: a, link: l })));
  const rows = links
    .map(
      ({ account, link }) =>
        `<tr><td>${escapeHtml(link.name)}</td><td>${escapeHtml(account.name)}</td><td>${escapeHtml(link.regionId)}</td><td>${escapeHtml(link.vpcId)}</td><td>${escapeHtml(link.vSwitchId)}</td><td>${escapeHtml(link.securityGroupId)}</td><td>${escapeHtml(link.status)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MaxCompute console (emulated) — Network Connection</title>
<style>
body { font: 14px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1f2328; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
form { display: grid; grid-template-columns: 12rem 1fr; gap: .5rem 1rem; align-items: center; max-width: 40rem; }
label { font-weight: 600; } input, select { padding: .3rem; font: inherit; }
button { grid-column: 2; justify-self: start; padding: .4rem 1.2rem; font: inherit; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #d0d7de; white-space: nowrap; }
.scroll { overflow-x: auto; }
#result { grid-column: 1 / -1; min-height: 1.5rem; } .error { color: #cf222e; } .ok { color: #1a7f37; }
.note { color: #59636e; }
</style></head>
<body>
<h1>Tenants › Network Connection <span class="note">(local emulator)</span></h1>
<p class="note">Creates a MaxCompute network link the way the console does: two service-managed ENIs in the vSwitch and the MaxCompute return-traffic security groups.</p>
<form id="link-form">
  <label for="accountId">Account</label><select id="accountId" name="accountId"></select>
  <label for="name">Connection name</label><input id="name" name="name" required placeholder="my_link">
  <label for="type">Type</label><select id="type" name="type"><option>Passthrough</option></select>
  <label for="regionId">Region</label><select id="regionId" name="regionId"></select>
  <label for="vpcId">VPC</label><select id="vpcId" name="vpcId"></select>
  <label for="vSwitchId">vSwitch</label><select id="vSwitchId" name="vSwitchId"></select>
  <label for="securityGroupId">Security group</label><select id="securityGroupId" name="securityGroupId"></select>
  <button type="submit">Create</button>
  <div id="result" role="status"></div>
</form>
<h2>Existing connections</h2>
<div class="scroll"><table><thead><tr><th>Name</th><th>Account</th><th>Region</th><th>VPC</th><th>vSwitch</th><th>Security group</th><th>Status</th></tr></thead>
<tbody id="links">${rows || '<tr><td colspan="7" class="note">No network connections yet.</td></tr>'}</tbody></table></div>
<script>
const accounts = ${data};
const $ = (id) => document.getElementById(id);
function fill(select, items) { select.replaceChildren(...items.map(([value, text]) => Object.assign(document.createElement('option'), { value, textContent: text }))); }
function account() { return accounts.find((a) => a.accountId === $('accountId').value) || accounts[0]; }
function refresh(level) {
  const a = account();
  if (level <= 0) fill($('regionId'), a.regionIds.map((r) => [r, r]));
  const region = $('regionId').value;
  if (level <= 1) fill($('vpcId'), a.vpcs.filter((v) => v.regionId === region).map((v) => [v.id, v.id + ' (' + v.name + ')']));
  const vpc = $('vpcId').value;
  fill($('vSwitchId'), a.vSwitches.filter((s) => s.vpcId === vpc).map((s) => [s.id, s.id + ' (' + s.zoneId + ')']));
  fill($('securityGroupId'), a.groups.filter((g) => g.vpcId === vpc).map((g) => [g.id, g.id + ' (' + g.name + ', ' + (g.type === 'normal' ? 'basic' : 'advanced') + ')']));
}
fill($('accountId'), accounts.map((a) => [a.accountId, a.name + ' (' + a.accountId + ')']));
$('accountId').addEventListener('change', () => refresh(0));
$('regionId').addEventListener('change', () => refresh(1));
$('vpcId').addEventListener('change', () => refresh(2));
refresh(0);
$('link-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = Object.fromEntries(new FormData(event.target));
  delete body.type;
  const response = await fetch('/__emulator/console/network-links', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json();
  $('result').className = response.ok ? 'ok' : 'error';
  $('result').textContent = response.ok ? 'Created ' + answer.NetworkLink.name + '.' : answer.Code + ': ' + answer.Message;
  if (response.ok) setTimeout(() => location.reload(), 600);
});
</script>
</body></html>
`;
}
