// Placeholder until the first real file of Workflows lands.
import Foundation
