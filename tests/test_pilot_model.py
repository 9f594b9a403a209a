"""CasePilot's optional language model against a small fake OpenAI-compatible server,
started here on a real port (real HTTP, canned replies): the model may reword an answer,
never add to it; only the RedactPHI-redacted question leaves; errors and timeouts fall
back to the answer computed without a model, and the page says which was used."""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

API = "/api/casepilot"
MARKER = "Zebulon Quixwick-Marrowfield"


class FakeModel:
    """Replies to POST /v1/chat/completions with `reply`; `status` 500 fails; `hang`
    holds the request until the test ends (the client's timeout must fire)."""

    def __init__(self) -> None:
        self.reply = ""
        self.status = 200
        self.hang = False
        self.received: list[dict] = []
        self.release = threading.Event()


@pytest.fixture
def model(settings) -> Iterator[FakeModel]:
    fake = FakeModel()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            fake.received.append(
                {
                    "path": self.path,
                    "auth": self.headers["Authorization"],
                    "body": json.loads(self.rfile.read(length)),
                }
            )
            if fake.hang:
                fake.release.wait(10)
                return
            body = json.dumps(
                {"choices": [{"message": {"role": "assistant", "content": fake.reply}}]}
            ).encode()
            self.send_response(fake.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CASEPILOT_LLM_URL = f"http://127.0.0.1:{server.server_port}/v1"
    settings.CASEPILOT_LLM_MODEL = "fake-model"
    settings.CASEPILOT_LLM_KEY = "test-key"
    settings.CASEPILOT_LLM_TIMEOUT = 1.0
    yield fake
    fake.release.set()
    server.shutdown()
    server.server_close()


def ask(client, question: str) -> dict:
    body = json.dumps({"question": question})
    response = client.post(API, body, content_type="application/json")
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
def test_the_model_rewords_our_answer_and_keeps_the_citations(client, sample, model):
    model.reply = "97546 is the CPT add-on code for work hardening."
    data = ask(client, "what is 97546")
    assert data["used_model"] is True
    assert data["answer"] == model.reply
    assert "/cpt/97546/#official-h" in [c["url"] for c in data["citations"]]
    (sent,) = model.received
    assert sent["path"] == "/v1/chat/completions" and sent["auth"] == "Bearer test-key"
    assert sent["body"]["model"] == "fake-model"


@pytest.mark.django_db
def test_a_reply_that_invents_a_code_is_refused(client, sample, model):
    model.reply = "97546 is work hardening; bill it with 97750 as well."
    data = ask(client, "what is 97546")
    assert data["used_model"] is False
    assert "97750" not in json.dumps(data)
    assert data["answer"].startswith("97546 (CPT)")


@pytest.mark.django_db
def test_errors_and_timeouts_fall_back_to_the_answer_without_a_model(client, sample, model):
    model.status = 500
    assert ask(client, "what is 97546")["used_model"] is False
    model.status, model.hang = 200, True
    data = ask(client, "what is 97546")
    assert data["used_model"] is False and data["answer"].startswith("97546 (CPT)")
    assert len(model.received) == 2


@pytest.mark.django_db
def test_only_the_redacted_question_leaves_the_server(client, sample, model):
    model.reply = "97546 is the CPT add-on code for work hardening."
    ask(client, f"Patient: {MARKER}, MRN QX-4417302 - what is 97546")
    (sent,) = model.received
    leaving = json.dumps(sent)
    assert "Quixwick" not in leaving and "Zebulon" not in leaving and "4417302" not in leaving
    assert "97546" in leaving


@pytest.mark.django_db
def test_a_declined_question_is_never_sent(client, sample, model):
    data = ask(client, "what will Aetna pay for 99213 in Ohio")
    assert data["declined"] is True and model.received == []


@pytest.mark.django_db
def test_the_page_says_which_was_used(client, sample, model):
    model.reply = "97546 is the CPT add-on code for work hardening."
    page = client.post("/tools/casepilot/", {"question": "what is 97546"}).content.decode()
    assert "Worded by a language model from the facts above." in page
    model.reply = "It is 99999."
    page = client.post("/tools/casepilot/", {"question": "what is 97546"}).content.decode()
    assert "Answered\n        from our data without a language model." in page
