; id: LT-CS-003
; name: LegacySslProtocols
; kind: explicit-legacy
; language: csharp
; precision: medium
; short: An SslProtocols value that enables a legacy SSL/TLS version is written
; full: A 'System.Security.Authentication.SslProtocols' value that includes Ssl2, Ssl3, Tls
;   (TLS 1.0), Tls11 or Default (SSL 3.0 and TLS 1.0), by name or as a number (12, 48, 192, 240,
;   768 and their sums), is passed to 'SslStream.AuthenticateAsClient/Server[Async]' or
;   'BeginAuthenticateAs*', or assigned to 'EnabledSslProtocols', 'HttpClientHandler.SslProtocols',
;   'WinHttpHandler.SslProtocols', Kestrel's 'HttpsConnectionAdapterOptions.SslProtocols', a WCF
;   'SslProtocols' property or any other member of that type. The connection then offers or
;   accepts that version, and fails once the other side stops accepting TLS 1.0 and 1.1.
; keywords: SslProtocols
; keywords-in: code
; value: @value SslProtocols
; matcher: csharp-value-positions
; report-if: enables-legacy
; message: '{value}' enables {versions}. Pass 'SslProtocols.None' (or leave the setting out) so the operating system chooses, or name only 'SslProtocols.Tls12 | SslProtocols.Tls13'.
; help:
;   ## Legacy protocol versions in SslProtocols values
;
;   `SslProtocols` chooses the versions an `SslStream`, an `HttpClientHandler`, a
;   `WinHttpHandler`, a Kestrel HTTPS endpoint or a WCF transport offers (as a client) or
;   accepts (as a server). SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1 are broken or deprecated
;   (RFC 8996); browsers, cloud services and load balancers stop accepting them, so a client
;   that pins them fails to connect, and a server that offers them fails compliance scans.
;   `SslProtocols.Default` is SSL 3.0 and TLS 1.0 and is obsolete.
;
;   **Problem**
;
;   ```csharp
;   stream.AuthenticateAsClient(host, null, SslProtocols.Tls | SslProtocols.Tls11, false);
;   var handler = new HttpClientHandler { SslProtocols = SslProtocols.Tls11 };
;   listenOptions.UseHttps(o => o.SslProtocols = SslProtocols.Default);
;   ```
;
;   **Fix**: let the operating system choose, which enables TLS 1.2 and TLS 1.3 today and
;   follows future policy without a code change:
;
;   ```csharp
;   stream.AuthenticateAsClient(new SslClientAuthenticationOptions { TargetHost = host });
;   var handler = new HttpClientHandler();      // SslProtocols.None: the OS default
;   ```
;
;   If a version must be named, name only `SslProtocols.Tls12 | SslProtocols.Tls13`.
;   Comparisons, `switch` labels and logging of a negotiated `SslProtocol` are not reported.

; Every pattern leaves out tests that expect the code to fail (`Assert.Throws<E>(() => ...)`,
; `[ExpectedException]`): pinning an old version there checks that it is refused. @sink, where
; a pattern has one, is where the value goes: a SARIF related location of the finding.

; Assignments (=, |=) to anything: ServicePointManager.SecurityProtocol (also qualified as
; System.Net.ServicePointManager), fields, properties, locals, object initialisers
; (`new Settings { Protocols = ... }`) and lambda bodies (`o => o.Protocols = ...`).
; `&=` (masking versions out) is never a write of a version.
((assignment_expression
  left: (_) @sink
  operator: ["=" "|="]
  right: (_) @value)
  (#not-in-rejection-test? @value))

; Initialisers of locals, fields and constants, and of auto-properties.
((variable_declarator
  name: (_) @sink
  (_) @value .)
  (#not-in-rejection-test? @value))
((property_declaration
  name: (_) @sink
  value: (_) @value)
  (#not-in-rejection-test? @value))

; Default values of parameters.
((parameter
  name: (_) @sink
  (_) @value .)
  (#not-in-rejection-test? @value))

; Arguments, positional or named, of calls and constructors (not of indexers, which read),
; unless the call only reads, compares, logs or formats the value.
((invocation_expression
  function: (_) @callee @sink
  arguments: (argument_list
    (argument
      (_) @value .)))
  (#not-match? @callee "(^|\\.)(HasFlag|Equals|ReferenceEquals|CompareTo|ToString|GetName|GetNames|IsDefined|Format|Concat|Join|Write|WriteLine|WriteIf|WriteLineIf|Print|Append|AppendLine|AppendFormat|Add|TryAdd|Contains|ContainsKey|DoesNotContain|IndexOf|Remove|nameof|Log[A-Za-z]*|Trace[A-Za-z]*|Debug|Info|Information|Warn|Warning|Error|Fatal|Verbose|Assert[A-Za-z]*|AreEqual|AreNotEqual|Equal|NotEqual|EqualTo|EquivalentTo|Same|NotSame|That|Should[A-Za-z]*|Be|NotBe|Expect[A-Za-z]*|Verify)(<.*>)?$")
  (#not-match? @callee "(^|\\.)(Assert|CollectionAssert|Console|Debug|Trace|Log|Logger|log|logger|_log|_logger|Is|Has|Does)\\.")
  (#not-in-rejection-test? @value))
((object_creation_expression
  type: (_) @sink
  arguments: (argument_list
    (argument
      (_) @value .)))
  (#not-in-rejection-test? @value))
((implicit_object_creation_expression
  (argument_list
    (argument
      (_) @value .)))
  (#not-in-rejection-test? @value))

; Returns, expression-bodied members and lambdas that produce the value.
((return_statement
  (_) @value)
  (#not-in-rejection-test? @value))
((arrow_expression_clause
  (_) @value)
  (#not-in-rejection-test? @value))
((lambda_expression
  body: (_) @value)
  (#not-in-rejection-test? @value))

; Arguments of a constructor chain (`: base(SslProtocols.Tls)`, `: this(...)`).
((constructor_initializer
  (argument_list
    (argument
      (_) @value .)))
  (#not-in-rejection-test? @value))

; Elements of collection and array initialisers (`new[] { SslProtocols.Tls11 }`,
; `new List<SecurityProtocolType> { SecurityProtocolType.Tls }`, `[SslProtocols.Tls]`).
; A dictionary's `{ key, value }` entries are nested initialisers: a table that maps a
; protocol to a name reads its keys.
([(array_creation_expression
   (initializer_expression
     (_) @value))
  (implicit_array_creation_expression
   (initializer_expression
     (_) @value))
  (object_creation_expression
   initializer: (initializer_expression
     (_) @value))
  (variable_declarator
   (initializer_expression
     (_) @value))
  (implicit_object_creation_expression
   (initializer_expression
     (_) @value))]
  (#not-in-rejection-test? @value))
((collection_expression
  (collection_element
    (expression_element
      (_) @value)))
  (#not-in-rejection-test? @value))

; Elements of a tuple that is stored (`(n, ServicePointManager.SecurityProtocol) = (1, x)`,
; `var (a, b) = (...)`, a tuple initialiser or return).
((assignment_expression
  right: (tuple_expression
    (argument
      (_) @value .)))
  (#not-in-rejection-test? @value))
((variable_declarator
  (tuple_expression
    (argument
      (_) @value .)) .)
  (#not-in-rejection-test? @value))
((return_statement
  (tuple_expression
    (argument
      (_) @value .)))
  (#not-in-rejection-test? @value))
((arrow_expression_clause
  (tuple_expression
    (argument
      (_) @value .)))
  (#not-in-rejection-test? @value))
