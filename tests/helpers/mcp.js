// One JSON-RPC request to Strapi's MCP endpoint (POST /mcp) with the admin token an agent uses. The answer comes as
// JSON or as one server-sent event; both are read. Plain CommonJS, so that the integration tests (Jest) and the
// browser tests (node:test, JavaScript) share it.
async function mcpRequest(baseUrl, token, { id, method, params = {}, protocolVersion }) {
  const res = await fetch(`${baseUrl}/mcp`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': protocolVersion,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
  });
  const text = await res.text();
  const data = text.includes('data: ')
    ? text
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('')
    : text;
  return { status: res.status, message: data ? JSON.parse(data) : null, text };
}

module.exports = { mcpRequest };
