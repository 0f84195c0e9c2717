; id: LT-CS-002
; name: LegacySecurityProtocolNumber
; kind: explicit-legacy
; language: csharp
; precision: high
; short: A numeric SecurityProtocolType value enables a legacy SSL/TLS version
; full: A 'SecurityProtocolType' value spelled with numbers (48 = SSL 3.0, 192 = TLS 1.0,
;   768 = TLS 1.1, their sums, hexadecimal forms, casts such as '(SecurityProtocolType)768') is
;   written to 'ServicePointManager.SecurityProtocol', or to a variable, field, property,
;   argument or return value of that type. Code written against .NET Framework 4.0, which had no
;   'Tls11' or 'Tls12' members, still does this; the process then offers the legacy versions and
;   fails once services stop accepting them. Values naming the members are LT-CS-001.
; keywords: SecurityProtocolType
; keywords-in: code
; value: @value SecurityProtocolType
; matcher: csharp-value-positions
; report-if: enables-legacy
; spelling: numbers
; message: The numeric value '{value}' enables {versions}. Remove the assignment so the operating system's default applies (.NET Framework 4.7 or later), or write 'SecurityProtocolType.Tls12' (3072) without the legacy bits on older targets.
; help:
;   ## Legacy protocol versions in numeric SecurityProtocolType values
;
;   Code written for .NET Framework 4.0 could not name TLS 1.1 or TLS 1.2, so it cast numbers
;   to `SecurityProtocolType`: 48 is SSL 3.0, 192 is TLS 1.0, 768 is TLS 1.1, 3072 is TLS 1.2
;   and 12288 is TLS 1.3. A value with the 48, 192 or 768 bits makes every `HttpWebRequest`,
;   `WebClient`, `FtpWebRequest` and `SmtpClient` of the process offer a version that RFC 8996
;   deprecates and that cloud services (Azure Storage, Azure Resource Manager and many more)
;   stop accepting: on the cut-over date the connection fails.
;
;   **Problem**
;
;   ```csharp
;   ServicePointManager.SecurityProtocol = (SecurityProtocolType)768 | (SecurityProtocolType)3072;
;   ServicePointManager.SecurityProtocol = (SecurityProtocolType)0xC0;
;   ```
;
;   **Fix**: target .NET Framework 4.7 or later and remove the assignment, so the operating
;   system chooses. On .NET Framework 4.5 or 4.6, where the members exist, name them; on 4.0
;   keep only the TLS 1.2 bit:
;
;   ```csharp
;   ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;     // 4.5 and later
;   ServicePointManager.SecurityProtocol = (SecurityProtocolType)3072;     // 4.0
;   ```
;
;   Values that name the legacy members (`SecurityProtocolType.Tls`) are reported by LT-CS-001;
;   a location is reported by one of the two rules, never both.

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
