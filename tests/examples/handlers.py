"""`python` blocks: every block compiles; a handler that talks to AWS runs under moto (AWS services faked in
memory: no network, no account) with a realistic event, and its runner asserts what the answer says it does.

A block that cannot run alone is titled `Fragment: <why>` in the content (the page shows the title); it is
compiled only. A block that imports boto3 with neither a runner nor that title is a problem (LG066), so examples
cannot drift out of the check unnoticed.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import traceback
import types
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from generator.problems import Problem
from tests.examples.blocks import Block

Runner = Callable[[Callable[..., dict[str, Any]]], None]
RUNNERS: dict[tuple[str, int], Runner] = {}  # (question id, n-th Python block of it) -> runner


def runner(question: str, index: int = 1) -> Callable[[Runner], Runner]:
    def register(run: Runner) -> Runner:
        RUNNERS[(question, index)] = run
        return run

    return register


def check(block: Block) -> tuple[list[Problem], str]:
    """Problems, and what was done: "run", "fragment" or "compiled"."""
    name = f"<example {block.question} #{block.index}>"
    try:
        code = compile(block.code, name, "exec")
    except SyntaxError as err:
        return [block.problem(err.lineno or 1, err.offset or 1, "LG060", f"Python does not compile: {err.msg}")], ""
    run = RUNNERS.get((block.question, block.index))
    if block.fragment:
        return [], "fragment"
    if run is None:
        if "boto3" in block.code:
            return [block.problem(1, 1, "LG066", "this handler talks to AWS but nothing runs it", 'add a runner in tests/examples/handlers.py, or title the block `title="Fragment: why"`')], ""
        return [], "compiled"

    stack = contextlib.ExitStack()

    def load(env: dict[str, str] | None = None, **inject: Any) -> dict[str, Any]:
        """The example's module namespace, run with `env` set (until the runner ends) and `inject` as globals."""
        namespace: dict[str, Any] = {"__name__": "example", **inject}
        stack.enter_context(_environment(env or {}))
        exec(code, namespace)  # the example itself, in moto's fake AWS
        return namespace

    try:
        with stack, _fake_aws(), contextlib.redirect_stdout(io.StringIO()):
            run(load)
    except Exception as err:  # the runner's assertion or the handler's own exception: a located problem
        line = next((frame.lineno for frame in reversed(traceback.extract_tb(err.__traceback__)) if frame.filename == name), 1) or 1
        row = block.code.splitlines()[line - 1]
        return [block.problem(line, len(row) - len(row.lstrip()) + 1, "LG061", f"the example fails when run: {type(err).__name__}: {err}"[:300], "fix the code, or the runner if the answer changed")], ""
    return [], "run"


@contextlib.contextmanager
def _fake_aws() -> Iterator[None]:
    from moto import mock_aws

    with _environment({"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "eu-west-1", "AWS_REGION": "eu-west-1"}), mock_aws():
        yield


@contextlib.contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class Context:
    """What Lambda passes as `context`, as far as the examples use it."""

    aws_request_id = "8f5e3b1c-0000-4000-8000-example"
    function_name = "example"
    function_version = "7"
    memory_limit_in_mb = 1024

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


# --- Fixtures the runners share --------------------------------------------------------------------------------


def table(name: str, key: str) -> Any:
    import boto3

    resource = boto3.resource("dynamodb")
    return resource.create_table(TableName=name, KeySchema=[{"AttributeName": key, "KeyType": "HASH"}],
                                 AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")


def bucket(name: str) -> Any:
    import boto3

    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    return s3


def s3_event(bucket_name: str, key: str) -> dict[str, Any]:
    return {"Records": [{"eventSource": "aws:s3", "s3": {"bucket": {"name": bucket_name}, "object": {"key": key}}}]}


def sqs_event(*bodies: str) -> dict[str, Any]:
    return {"Records": [{"messageId": f"m{n}", "eventSource": "aws:sqs", "body": body} for n, body in enumerate(bodies, start=1)]}


# --- The runners, in guide order ----------------------------------------------------------------------------------


@runner("what-is-aws-lambda")
def _s3_size(load: Callable[..., dict[str, Any]]) -> None:
    s3 = bucket("uploads")
    s3.put_object(Bucket="uploads", Key="my photo.jpg", Body=b"12345")
    handler = load()["handler"]
    assert handler(s3_event("uploads", "my+photo.jpg"), Context()) == {"status": "ok"}  # the key arrives URL-encoded


@runner("s3-upload-trigger")
def _thumbnail(load: Callable[..., dict[str, Any]]) -> None:
    s3 = bucket("photos-in")
    bucket("photos-out")
    s3.put_object(Bucket="photos-in", Key="incoming/my photo.jpg", Body=b"image")
    load({"OUTPUT_BUCKET": "photos-out"})["handler"](s3_event("photos-in", "incoming/my+photo.jpg"), Context())
    assert s3.get_object(Bucket="photos-out", Key="thumbnails/my photo.jpg")["Body"].read() == b"image"  # another bucket: no loop


@runner("multiple-event-sources")
def _router(load: Callable[..., dict[str, Any]]) -> None:
    placed: list[dict[str, Any]] = []
    namespace = load(place_order=lambda order: placed.append(order) or {"id": "o-1", **order},
                     handle_sqs=lambda records: {"batchItemFailures": []}, handle_s3=lambda records: None)
    handler = namespace["handler"]
    assert handler(sqs_event("{}"), Context()) == {"batchItemFailures": []}
    response = handler({"requestContext": {"http": {"method": "POST"}}, "body": '{"sku": "A"}'}, Context())
    assert response["statusCode"] == 201 and json.loads(response["body"])["sku"] == "A"
    handler({"detail-type": "OrderPlaced", "detail": {"sku": "B"}}, Context())
    assert [o["sku"] for o in placed] == ["A", "B"]
    with contextlib.suppress(ValueError):
        handler({"unexpected": True}, Context())
        raise AssertionError("an unknown event must raise")


@runner("kinesis-dynamodb-streams")
def _stream(load: Callable[..., dict[str, Any]]) -> None:
    import base64

    applied: list[dict[str, Any]] = []

    def apply_change(change: dict[str, Any]) -> None:
        if change.get("bad"):
            raise ValueError("cannot apply")
        applied.append(change)

    records = [{"kinesis": {"sequenceNumber": str(n), "data": base64.b64encode(json.dumps(body).encode()).decode()}} for n, body in enumerate([{"a": 1}, {"bad": True}, {"a": 3}], start=1)]
    result = load(apply_change=apply_change)["handler"]({"Records": records}, Context())
    assert result == {"batchItemFailures": [{"itemIdentifier": "2"}]} and applied == [{"a": 1}]  # stops at the failure


@runner("serverless-rest-api")
def _get_order(load: Callable[..., dict[str, Any]]) -> None:
    orders = table("orders", "id")
    orders.put_item(Item={"id": "o-1", "owner": "user-1", "total": Decimal("9.50")})
    get_order = load({"TABLE_NAME": "orders"})["get_order"]

    def event(caller: str) -> dict[str, Any]:
        return {"requestContext": {"authorizer": {"jwt": {"claims": {"sub": caller}}}}, "pathParameters": {"id": "o-1"}}

    ok = get_order(event("user-1"), Context())
    assert ok["statusCode"] == 200 and json.loads(ok["body"])["total"] == "9.50"
    assert get_order(event("someone-else"), Context())["statusCode"] == 404  # another caller's order is not found


@runner("reduce-cold-start-latency")
def _lazy_import(load: Callable[..., dict[str, Any]]) -> None:
    table("items", "pk").put_item(Item={"pk": "a", "name": "x"})
    sys.modules.pop("openpyxl", None)
    handler = load({"TABLE_NAME": "items"})["handler"]
    assert handler({"id": "a"}, Context()) == {"pk": "a", "name": "x"}
    assert "openpyxl" not in sys.modules  # the heavy import waits for the request that needs it


@runner("environment-variables")
def _env(load: Callable[..., dict[str, Any]]) -> None:
    orders = table("orders", "pk")
    assert load({"TABLE_NAME": "orders"})["handler"]({"orderId": "o-9"}, Context()) == {"ok": True}
    assert orders.get_item(Key={"pk": "o-9"})["Item"]["status"] == "NEW"
    os.environ.pop("TABLE_NAME", None)
    try:
        load()
    except KeyError:
        return  # a missing variable fails at init, as the answer says
    raise AssertionError("a missing TABLE_NAME must fail at init")


@runner("idempotent-functions")
def _claim(load: Callable[..., dict[str, Any]]) -> None:
    table("idempotency", "pk")
    claim = load()["claim"]
    assert claim("order-1", Context()) is True
    assert claim("order-1", Context()) is False  # a duplicate delivery is not processed twice
    assert claim("order-2", Context()) is True


@runner("retries-dlqs-rate-limiting")
def _token_bucket(load: Callable[..., dict[str, Any]]) -> None:
    table("rate-limits", "pk")
    namespace = load()
    took = [namespace["take_token"]("partner-api") for _ in range(3)]
    assert took == [True, True, True]
    calls = iter([namespace["RetryableError"](), "done"])

    def flaky() -> str:
        value = next(calls)
        if isinstance(value, Exception):
            raise value
        return value

    import time

    namespace["time"].sleep = lambda seconds: None  # the backoff's sleep, not the test's time
    try:
        assert namespace["call_with_backoff"](flaky, Context()) == "done"
    finally:
        namespace["time"].sleep = time.sleep


@runner("retries-async-errors-partial-failures")
def _partial_batch(load: Callable[..., dict[str, Any]]) -> None:
    payments = table("payments", "payment_id")
    handler = load()["handler"]
    first = json.dumps({"payment_id": "p-1", "amount": 12.5})
    result = handler(sqs_event(first, "not json", first), Context())
    assert result == {"batchItemFailures": [{"itemIdentifier": "m2"}]}, f"only the malformed message should be retried, got {result}"
    assert payments.get_item(Key={"payment_id": "p-1"})["Item"]["amount"] == Decimal("12.5")  # stored once, exactly


@runner("webhook-handler-with-dlq")
def _webhook(load: Callable[..., dict[str, Any]]) -> None:
    import hashlib
    import hmac
    import time

    import boto3

    boto3.client("secretsmanager").create_secret(Name="webhook", SecretString="s3cret")
    queue = boto3.client("sqs").create_queue(QueueName="events")["QueueUrl"]
    handler = load({"SECRET_ID": "webhook", "QUEUE_URL": queue})["handler"]
    body, ts = json.dumps({"id": "evt-1"}), str(int(time.time()))
    signature = hmac.new(b"s3cret", f"{ts}.{body}".encode(), hashlib.sha256).hexdigest()
    assert handler({"body": body, "headers": {"x-signature": f"t={ts},v1={signature}"}}, Context()) == {"statusCode": 202}
    assert handler({"body": body, "headers": {"x-signature": f"t={ts},v1=forged"}}, Context()) == {"statusCode": 401}
    messages = boto3.client("sqs").receive_message(QueueUrl=queue, MessageAttributeNames=["All"], MaxNumberOfMessages=10)["Messages"]
    assert len(messages) == 1 and messages[0]["MessageAttributes"]["eventId"]["StringValue"] == "evt-1"


_ = types  # (kept for runners that build stand-in modules)
