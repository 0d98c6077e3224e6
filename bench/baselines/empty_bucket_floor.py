"""The emulator's floor for emptying a versioned bucket: the boto3 loop's requests, byte for byte in what they ask
(ListObjectVersions from the start with MaxKeys 1000 and encoding-type=url → DeleteObjects of that page, verbose →
repeat), sent by a client that does nothing else: one kept-alive HTTP connection, SigV4 from botocore's signer,
entries picked out of the XML with a regular expression, no SDK parsing or retry layers.

Usage: python3 empty_bucket_floor.py BUCKET   (credentials, region and endpoint from the usual AWS environment)

Not a way to empty buckets (no retries, no error handling beyond stopping): it measures what the emulator alone
needs for the least work the job has, in the order that is cheapest for moto (each listing only once everything
listed before is deleted; moto copies the whole bucket on every ListObjectVersions).
"""

import base64
import hashlib
import http.client
import re
import sys
from urllib.parse import unquote, urlsplit
from xml.sax.saxutils import escape

import botocore.session
from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest

ENTRY = re.compile(rb"<(?:Version|DeleteMarker)>.*?<Key>(.*?)</Key>.*?<VersionId>(.*?)</VersionId>", re.S)


def main():
    bucket = sys.argv[1]
    session = botocore.session.get_session()
    endpoint = session.get_config_variable("endpoint_url") or session.get_scoped_config().get("endpoint_url")
    region = session.get_config_variable("region") or "us-east-1"
    signer = S3SigV4Auth(session.get_credentials().get_frozen_credentials(), "s3", region)
    url = urlsplit(endpoint)
    connection = http.client.HTTPConnection(url.hostname, url.port)

    def send(method, query, body=b""):
        request = AWSRequest(method=method, url=f"{endpoint}/{bucket}?{query}", data=body)
        if body:
            request.headers["Content-MD5"] = base64.b64encode(hashlib.md5(body).digest()).decode()
        signer.add_auth(request)
        connection.request(method, f"/{bucket}?{query}", body=body, headers=dict(request.headers.items()))
        response = connection.getresponse()
        payload = response.read()
        if response.status != 200:
            sys.exit(f"{method} ?{query}: HTTP {response.status}: {payload[:300]!r}")
        return payload

    deleted = 0
    while True:
        entries = ENTRY.findall(send("GET", "encoding-type=url&max-keys=1000&versions="))
        if not entries:
            break
        objects = "".join(f"<Object><Key>{escape(unquote(key.decode()))}</Key><VersionId>{version.decode()}</VersionId></Object>"
                          for key, version in entries)
        send("POST", "delete=", f"<Delete>{objects}</Delete>".encode())
        deleted += len(entries)
    print(f"deleted {deleted} versions and delete markers from s3://{bucket}")


if __name__ == "__main__":
    main()
