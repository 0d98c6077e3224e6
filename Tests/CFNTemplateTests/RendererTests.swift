import Testing
@testable import CFNTemplate
