/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol, for the
 * model-server client's tests. The last user message steers it: `fail=<how>x<n>` fails the
 * first n tries of that message (503, 429, drop, cut, garbage, html, slow, 400, 500), and
 * `delay=<ms>` answers late. The answer echoes the message, so a test can check order.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  url: string;
  authorization?: string;
  body: {
    model: string;
    temperature: number;
    max_tokens?: number;
    messages: { role: string; content: unknown }[];
  };
}

export interface ChatStandIn {
  endpoint: string;
  requests: SeenRequest[];
  maxInFlight: number;
  close(): Promise<void>;
}

function lastUserText(body: SeenRequest["body"]): string {
  const last = body.messages[body.messages.length - 1];
  if (typeof last.content === "string") return last.content;
  return (last.content as { type: string; text?: string }[])
    .filter((p) => p.type === "text")
    .map((p) => p.text)
    .join(" ");
}

function reply(res: ServerResponse, content: string, finish = "stop"): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "chatcmpl-1",
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finish }],
    }),
  );
}

export async function startChatStandIn(): Promise<ChatStandIn> {
  const triesByText = new Map<string, number>();
  const state: ChatStandIn = {
    endpoint: "",
    requests: [],
    maxInFlight: 0,
    close: async () => {},
  };
  let inFlight = 0;

  function fail(how: string, res: ServerResponse): void {
    if (how === "503") res.writeHead(503, { "content-type": "text/plain" }).end("busy");
    else if (how === "429") res.writeHead(429, { "retry-after": "0" }).end("slow down");
    else if (how === "500") res.writeHead(500).end('{"error":"boom"}');
    else if (how === "400") res.writeHead(400).end('{"error":{"message":"unknown model"}}');
    else if (how === "drop") res.socket?.destroy();
    else if (how === "cut") {
      res.writeHead(200, { "content-type": "application/json", "content-length": "400" });
      res.write('{"choices":[{"message":{"role":"assistant","content":"B');
      setTimeout(() => res.socket?.destroy(), 5);
    } else if (how === "garbage") res.writeHead(200).end("\u0000\u0001 not json at all");
    else if (how === "html") res.writeHead(200).end("<html><body>502 Bad Gateway</body></html>");
    else if (how === "nochoices") res.writeHead(200).end('{"choices":[]}');
    else if (how === "slow") setTimeout(() => reply(res, "too late"), 4000);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on("close", () => {
      inFlight--;
    });
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c) => {
      data += c;
    });
    req.on("end", () => {
      const body = JSON.parse(data) as SeenRequest["body"];
      state.requests.push({ url: req.url ?? "", authorization: req.headers.authorization, body });
      const text = lastUserText(body);
      const tries = (triesByText.get(text) ?? 0) + 1;
      triesByText.set(text, tries);
      const failure = /fail=(\w+)x(\d+)/.exec(text);
      if (failure && tries <= Number(failure[2])) return fail(failure[1], res);
      const delay = Number(/delay=(\d+)/.exec(text)?.[1] ?? 0);
      const style = /style=(\w+)/.exec(text)?.[1];
      const answer =
        style === "parts"
          ? null
          : style === "long"
            ? `echo: ${text}`.padEnd(50, ".")
            : `echo: ${text}`;
      setTimeout(() => {
        if (answer === null) {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              choices: [
                {
                  message: {
                    role: "assistant",
                    content: [
                      { type: "text", text: "(B) " },
                      { type: "text", text: "a cat" },
                    ],
                  },
                  finish_reason: "stop",
                },
              ],
            }),
          );
        } else reply(res, answer, style === "long" ? "length" : "stop");
      }, delay);
    });
  }

  const server: Server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  state.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return state;
}
