package dev.polder.connectors.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stdio MCP server written for tests (node): one tool, {@code act}, whose argument {@code what}
 * chooses the misbehaviour: {@code echo} (answers), {@code huge} (a 5 MB line), {@code garbage}
 * (non-JSON lines, then the answer), {@code hang} (never answers), {@code crash} (exits), {@code
 * progress} (two progress notifications, then the answer). A second tool, {@code refund}, plays a
 * payments tool whose answer carries the customer's e-mail address.
 */
public final class MisbehavingMcpServer {
  private static final String SCRIPT =
      """
      const rl = require('readline').createInterface({input: process.stdin});
      const send = m => process.stdout.write(JSON.stringify(m) + '\\n');
      rl.on('line', line => {
        let m; try { m = JSON.parse(line); } catch (e) { return; }
        if (m.method === 'initialize') {
          send({jsonrpc: '2.0', id: m.id, result: {protocolVersion: m.params.protocolVersion,
            capabilities: {tools: {}}, serverInfo: {name: 'misbehaving', version: '1'}}});
        } else if (m.method === 'tools/list') {
          send({jsonrpc: '2.0', id: m.id, result: {tools: [{name: 'act', description: 'misbehaves',
            inputSchema: {type: 'object', properties: {what: {type: 'string'}, text: {type: 'string'}},
            required: ['what']}},
            {name: 'refund', description: 'refunds an order (a payments tool)',
            inputSchema: {type: 'object', properties: {order_id: {type: 'string'}, customer_email: {type: 'string'}},
            required: ['order_id', 'customer_email']}}]}});
        } else if (m.method === 'tools/call') {
          if (m.params.name === 'refund') {
            const a = m.params.arguments;
            send({jsonrpc: '2.0', id: m.id, result: {content: [{type: 'text',
              text: 'Refunded order ' + a.order_id + '; receipt sent to ' + a.customer_email}]}});
            return;
          }
          const what = m.params.arguments.what;
          const text = m.params.arguments.text || 'ok';
          const answer = () => send({jsonrpc: '2.0', id: m.id, result: {content: [{type: 'text', text}]}});
          if (what === 'huge') { process.stdout.write('{"jsonrpc":"2.0","id":' + m.id + ',"result":{"x":"' + 'a'.repeat(5 << 20) + '"}}\\n'); }
          else if (what === 'garbage') { process.stdout.write('this is not json\\n{{{\\n'); answer(); }
          else if (what === 'hang') { }
          else if (what === 'crash') { process.exit(3); }
          else if (what === 'progress') {
            const token = m.params._meta && m.params._meta.progressToken;
            if (token !== undefined) {
              send({jsonrpc: '2.0', method: 'notifications/progress', params: {progressToken: token, progress: 1, total: 2}});
              send({jsonrpc: '2.0', method: 'notifications/progress', params: {progressToken: token, progress: 2, total: 2}});
            }
            answer();
          } else { answer(); }
        } else if (m.id !== undefined) {
          send({jsonrpc: '2.0', id: m.id, error: {code: -32601, message: 'no ' + m.method}});
        }
      });
      """;

  private MisbehavingMcpServer() {}

  /** Writes the script into the folder and returns the command that runs it. */
  public static List<String> command(Path folder) throws IOException {
    Path script = folder.resolve("misbehaving-mcp-server.js");
    Files.writeString(script, SCRIPT);
    return List.of("node", script.toString());
  }
}
