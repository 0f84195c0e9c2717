; id: LT-CS-001
; name: LegacySecurityProtocolType
; kind: explicit-legacy
; language: csharp
; precision: medium
; short: A SecurityProtocolType value that enables a legacy SSL/TLS version is written
; full: A 'SecurityProtocolType' member that includes Ssl3, Tls (TLS 1.0) or Tls11 is written to
;   'ServicePointManager.SecurityProtocol', or to a variable, field, property, argument or return
;   value of that type that ends up there. Every HTTP, FTP and SMTP connection of the process
;   then offers that protocol, and once a service stops accepting TLS 1.0 and 1.1 the
;   connections that negotiate it fail. Values spelled with numbers are LT-CS-002.
; keywords: SecurityProtocol
; keywords-in: code
; keywords-here: SecurityProtocolType, ServicePointManager
; value: @value SecurityProtocolType
; matcher: csharp-value-positions
; report-if: enables-legacy
; spelling: names
; message: '{value}' enables {versions}. Remove the assignment so the operating system's default applies (.NET Framework 4.7 or later), or use 'SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13' on older targets.
; help:
;   ## Legacy protocol versions in SecurityProtocolType values
;
;   `ServicePointManager.SecurityProtocol` decides which protocol versions every
;   `HttpWebRequest`, `WebClient`, `FtpWebRequest` and `SmtpClient` of the process offers.
;   SSL 3.0, TLS 1.0 and TLS 1.1 are broken or deprecated (RFC 8996), and cloud services
;   (Azure Storage, Azure Resource Manager, Azure Batch and many more) stop accepting them:
;   on the cut-over date a client that still offers or pins them fails to connect.
;
;   The rule reports the value wherever it is written: the `ServicePointManager` assignment
;   itself (`=` or `|=`), and the fields, constants, properties, parameters' defaults, method
;   arguments and return values that carry it there. Reads are not reported: comparisons,
;   `switch` labels, `HasFlag`, logging and string formatting.
;
;   **Problem**
;
;   ```csharp
;   ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11;
;   ServicePointManager.SecurityProtocol |= SecurityProtocolType.Ssl3;
;   private const SecurityProtocolType Protocols = SecurityProtocolType.Tls11;
;   ```
;
;   **Fix**: target .NET Framework 4.7 or later and remove the assignment, so the operating
;   system chooses (it enables TLS 1.2 and TLS 1.3 and follows future policy). On an older
;   target, name only modern versions:
;
;   ```csharp
;   ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
;   ```
;
;   Removing old versions from the existing value is also fine and is not reported:
;   `ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Tls | SecurityProtocolType.Tls11);`
;
;   Numeric spellings (`(SecurityProtocolType)768`) are reported by LT-CS-002.

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
